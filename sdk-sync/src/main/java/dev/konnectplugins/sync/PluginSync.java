package dev.konnectplugins.sync;

import dev.konnectplugins.ControlPlaneClient;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.InOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Plugins as code: makes Konnect control planes hold exactly the plugins of a folder, with a plan (and diffs)
 * before anything is written, and without touching plugins it does not own. Thread-safe; it uses the given client
 * and never closes it.
 *
 * <pre>{@code
 * PluginSync sync = PluginSync.of(konnect);
 * DesiredState desired = DesiredState.fromFolder(Path.of("plugins"));
 * SyncPlan plan = sync.plan("prod-gateways", desired, SyncOptions.defaults());
 * System.out.print(plan.toText());
 * SyncResult result = sync.apply(plan);
 * }</pre>
 *
 * <p>Every plugin is validated before anything is planned or written (with sdk-validation on the class path, as for
 * uploads): an error stops the plan, warnings are kept on it ({@link PlannedChange#warnings()}). Plugins in use by
 * plugin instances are never changed or deleted (Kong would refuse); only plugins that carry the managed tag are
 * pruned or updated unless adoption is asked for.
 */
public final class PluginSync {
    private static final String NOT_STARTED = "not started: another control plane failed (stopAllOnFailure)";

    private final Konnect konnect;

    private PluginSync(Konnect konnect) {
        this.konnect = konnect;
    }

    /**
     * A sync that sends through this client.
     *
     * @param konnect the client to plan and write through, not null; the sync does not close it
     * @return a new sync
     */
    public static PluginSync of(Konnect konnect) {
        return new PluginSync(Objects.requireNonNull(konnect, "konnect"));
    }

    /**
     * Plans one control plane, given by id or name. Reads only.
     *
     * @param controlPlane the control plane's id (a UUID) or exact name
     * @param desired the plugins the control plane should have
     * @param options prune, adopt, tags and the other options of the plan
     * @return the plan; nothing is written until {@link #apply}
     * @throws SyncValidationException         when a plugin is invalid (nothing was read from Konnect)
     * @throws dev.konnectplugins.KonnectException when the control plane cannot be found or read
     */
    public SyncPlan plan(String controlPlane, DesiredState desired, SyncOptions options) {
        requireArguments(desired, options);
        Map<String, List<Diagnostic>> warnings = validate(konnect.controlPlane(controlPlane), desired);
        return planValidated(controlPlane, konnect.controlPlaneByIdOrName(controlPlane), desired, options, warnings);
    }

    /**
     * Plans one control plane; see {@link #plan(String, DesiredState, SyncOptions)}.
     *
     * @param controlPlane the control plane to plan, not null
     * @param desired the plugins the control plane should have
     * @param options prune, adopt, tags and the other options of the plan
     * @return the plan; nothing is written until {@link #apply}
     */
    public SyncPlan plan(ControlPlaneClient controlPlane, DesiredState desired, SyncOptions options) {
        requireArguments(desired, options);
        Map<String, List<Diagnostic>> warnings = validate(controlPlane, desired);
        return planValidated(controlPlane.id(), controlPlane, desired, options, warnings);
    }

    /**
     * Sends a plan's writes: creates and updates by name, then deletes by name; blocked changes are skipped. Stops
     * at the first failed write unless the plan's options say {@code continueOnError}. Never throws for a failed
     * write: each outcome says what happened.
     *
     * @param plan a plan from {@link #plan}, not null
     * @return what each write did
     */
    public SyncResult apply(SyncPlan plan) {
        Objects.requireNonNull(plan, "plan");
        if (plan.failure().isPresent() || plan.controlPlaneId().isEmpty()) {
            return new SyncResult(plan, List.of());
        }
        return new Applier(konnect.controlPlane(plan.controlPlaneId().get()).customPlugins()).apply(plan);
    }

    /**
     * Plans and applies one control plane, given by id or name.
     *
     * @param controlPlane the control plane's id (a UUID) or exact name
     * @param desired the plugins the control plane should have
     * @param options prune, adopt, tags, error handling and the other options
     * @return what each write did
     * @throws SyncValidationException         when a plugin is invalid (nothing was written)
     * @throws dev.konnectplugins.KonnectException when the control plane cannot be found or read
     */
    public SyncResult sync(String controlPlane, DesiredState desired, SyncOptions options) {
        return apply(plan(controlPlane, desired, options));
    }

    /**
     * Plans several control planes (ids or names) concurrently, {@link SyncOptions#parallelism()} at a time. A
     * control plane that cannot be planned gets a plan whose {@link SyncPlan#failure()} says why; the others go on.
     *
     * @param controlPlanes the control planes' ids or names, not empty
     * @param desired the plugins every control plane should have
     * @param options the options of every plan, including the parallelism
     * @return one plan per control plane, in the given order
     * @throws SyncValidationException when a plugin is invalid (nothing was read from Konnect)
     */
    public List<SyncPlan> planAll(List<String> controlPlanes, DesiredState desired, SyncOptions options) {
        requireTargets(controlPlanes, desired, options);
        Map<String, List<Diagnostic>> warnings = validate(konnect.controlPlane(controlPlanes.get(0)), desired);
        return fanOut(controlPlanes, options, target -> planSafely(target, desired, options, warnings),
                plan -> plan.failure().isPresent(), target -> notStarted(target, options), plan -> { });
    }

    /**
     * Syncs several control planes concurrently; see {@link #syncAll(List, DesiredState, SyncOptions, Consumer)}.
     *
     * @param controlPlanes the control planes' ids or names, not empty
     * @param desired the plugins every control plane should have
     * @param options the options of every sync, including the parallelism
     * @return one result per control plane, in the given order
     */
    public List<SyncResult> syncAll(List<String> controlPlanes, DesiredState desired, SyncOptions options) {
        return syncAll(controlPlanes, desired, options, result -> { });
    }

    /**
     * Plans and applies several control planes (ids or names) concurrently, {@link SyncOptions#parallelism()} at a
     * time, each with its own plan and result, in the order given. A failing control plane does not stop the others
     * unless {@link SyncOptions#stopAllOnFailure()}.
     *
     * @param whenDone called with each control plane's result as soon as it is done (from a worker thread)
     * @param controlPlanes the control planes' ids or names, not empty
     * @param desired the plugins every control plane should have
     * @param options the options of every sync, including the parallelism
     * @return one result per control plane, in the given order
     * @throws SyncValidationException when a plugin is invalid (nothing was written anywhere)
     */
    public List<SyncResult> syncAll(List<String> controlPlanes, DesiredState desired, SyncOptions options,
                                    Consumer<SyncResult> whenDone) {
        requireTargets(controlPlanes, desired, options);
        Objects.requireNonNull(whenDone, "whenDone");
        Map<String, List<Diagnostic>> warnings = validate(konnect.controlPlane(controlPlanes.get(0)), desired);
        return fanOut(controlPlanes, options, target -> apply(planSafely(target, desired, options, warnings)),
                result -> !result.succeeded(), target -> apply(notStarted(target, options)), whenDone);
    }

    /**
     * Writes each plugin of a control plane as {@code <folder>/<name>/handler.lua} and {@code schema.lua}, so
     * plugins made in the UI can move into git. A plugin whose local files differ is kept as it is unless
     * {@code overwrite}.
     *
     * @param controlPlane the control plane's id (a UUID) or exact name
     * @param folder the folder to write into; created when missing
     * @param overwrite true to replace local files that differ from Konnect's
     * @return one entry per plugin, sorted by name
     * @throws dev.konnectplugins.KonnectException when the control plane cannot be found or read
     * @throws java.io.UncheckedIOException        naming the file that cannot be read or written
     */
    public List<PulledPlugin> pull(String controlPlane, Path folder, boolean overwrite) {
        Objects.requireNonNull(folder, "folder");
        return new Puller(konnect.controlPlaneByIdOrName(controlPlane).customPlugins()).pull(folder, overwrite);
    }

    private static SyncPlan planValidated(String label, ControlPlaneClient controlPlane, DesiredState desired,
                                          SyncOptions options, Map<String, List<Diagnostic>> warnings) {
        return new Planner(controlPlane, options).plan(label, desired, warnings);
    }

    private static SyncPlan notStarted(String target, SyncOptions options) {
        return SyncPlan.failed(target, options, new IllegalStateException(NOT_STARTED));
    }

    private SyncPlan planSafely(String target, DesiredState desired, SyncOptions options,
                                Map<String, List<Diagnostic>> warnings) {
        try {
            return planValidated(target, konnect.controlPlaneByIdOrName(target), desired, options, warnings);
        } catch (RuntimeException e) {
            return SyncPlan.failed(target, options, e);
        }
    }

    /**
     * Validates every plugin once (the same for every control plane), one plugin per processor at a time; throws with
     * all findings when any has an error, else returns the warnings by plugin name, for the plans to show.
     */
    private static Map<String, List<Diagnostic>> validate(ControlPlaneClient anyControlPlane, DesiredState desired) {
        CustomPlugins plugins = anyControlPlane.customPlugins();
        List<PluginSource> sources = desired.plugins();
        List<List<Diagnostic>> results = InOrder.map(sources, Runtime.getRuntime().availableProcessors(),
                "konnect-plugins-validate", plugins::validate);
        Map<String, List<Diagnostic>> findings = new LinkedHashMap<>();
        boolean errors = false;
        for (int i = 0; i < sources.size(); i++) {
            PluginSource source = sources.get(i);
            List<Diagnostic> found = results.get(i);
            if (!found.isEmpty()) {
                findings.put(source.name(), found);
                errors |= found.stream().anyMatch(Diagnostic::isError);
            }
        }
        if (errors) {
            throw new SyncValidationException(findings);
        }
        return findings;
    }

    /**
     * Runs {@code work} for each target on at most {@code parallelism} threads, keeping the targets' order. With
     * stopAllOnFailure, a failed target makes the ones not yet started {@code notStarted}.
     */
    private static <T> List<T> fanOut(List<String> targets, SyncOptions options,
                                      Function<String, T> work, Predicate<T> failed,
                                      Function<String, T> notStarted, Consumer<T> whenDone) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), targets.size()),
                runnable -> {
                    Thread thread = new Thread(runnable, "konnect-plugins-sync-" + threadCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (String target : targets) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    T result = stop.get() ? notStarted.apply(target) : work.apply(target);
                    if (options.stopAllOnFailure() && failed.test(result)) {
                        stop.set(true);
                    }
                    whenDone.accept(result);
                    return result;
                }, pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requireArguments(DesiredState desired, SyncOptions options) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(options, "options");
    }

    private static void requireTargets(List<String> controlPlanes, DesiredState desired, SyncOptions options) {
        requireArguments(desired, options);
        Objects.requireNonNull(controlPlanes, "controlPlanes");
        if (controlPlanes.isEmpty()) {
            throw new IllegalArgumentException("controlPlanes must name at least one control plane");
        }
    }

    @Override
    public String toString() {
        return "PluginSync{" + konnect.baseUrl() + "}";
    }
}
