package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.OutcomeStatus;
import dev.konnectplugins.sync.PluginOutcome;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncOptions;
import dev.konnectplugins.sync.SyncPlan;
import dev.konnectplugins.sync.SyncResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Makes control planes hold exactly the folder's plugins. */
@Command(name = "sync", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Make each control plane hold exactly the plugins of the folder: validate them all, plan, "
                + "then create and update (then, with --prune, delete). Plugins in use and plugins this tool does "
                + "not manage are never changed.")
final class SyncCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "the plugins: one per sub-folder, one plugin folder, or "
            + "kong/plugins/<name>/")
    Path folder;

    @Option(names = "--dry-run", description = "plan only, write nothing: the same report and exit status as plan")
    boolean dryRun;

    @Option(names = "--detailed-exitcode",
            description = "with --dry-run: exit 2 when there are changes, 0 when there are none (as plan's)")
    boolean detailedExitCode;

    @Option(names = "--auto-approve",
            description = "on a terminal, write without asking; without a terminal (CI) sync never asks")
    boolean autoApprove;

    @Option(names = "--continue-on-error", description = "keep writing after a failed write")
    boolean continueOnError;

    @Option(names = "--stop-all-on-failure",
            description = "with several control planes: a failed one stops those not yet started")
    boolean stopAllOnFailure;

    @Mixin
    SyncFlags flags;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (detailedExitCode && !dryRun) {
            throw new ParameterException(spec.commandLine(), "--detailed-exitcode needs --dry-run: a sync's exit "
                    + "status says whether it converged, not whether there were changes");
        }
        DesiredState desired = DesiredState.fromFolder(folder);
        List<String> controlPlanes = connection.controlPlanes(environment());
        SyncOptions options = flags.toOptions().continueOnError(continueOnError).stopAllOnFailure(stopAllOnFailure)
                .build();
        try (Konnect konnect = connection.connect(environment())) {
            PluginSync sync = PluginSync.of(konnect);
            if (dryRun) {
                List<SyncPlan> plans = sync.planAll(controlPlanes, desired, options);
                return reportPlans("sync", plans, flags.output.format, detailedExitCode);
            }
            if (!autoApprove && root.prompt().isPresent()) {
                return planAskThenApply(sync, sync.planAll(controlPlanes, desired, options), root.prompt().get());
            }
            AtomicInteger done = new AtomicInteger();
            List<SyncResult> results = sync.syncAll(controlPlanes, desired, options, result -> {
                if (root.terminal()) {
                    err().println("konnect-plugins sync: [" + done.incrementAndGet() + "/" + controlPlanes.size()
                            + "] " + Reports.progress(result));
                }
            });
            Reports.printResults(out(), results, flags.output.format);
            return report(results);
        }
    }

    /**
     * On a terminal, as {@code terraform apply}: the plans first, then one question, then exactly those plans are
     * applied. Nothing to do, a control plane that could not be planned, or any answer but "yes" writes nothing.
     */
    private int planAskThenApply(PluginSync sync, List<SyncPlan> plans, Prompt prompt) {
        int planned = reportPlans("sync", plans, flags.output.format, false);
        if (planned != ExitCode.OK || plans.stream().noneMatch(SyncPlan::hasChanges)) {
            return planned;
        }
        if (!prompt.confirm("Apply these changes? Only 'yes' is accepted (--auto-approve skips this question): ")) {
            root.complain("sync", "not applied: nothing was written");
            return ExitCode.ERROR;
        }
        List<SyncResult> results = plans.stream().map(sync::apply).toList();
        Reports.printResultsOnly(out(), results, flags.output.format);
        return report(results);
    }

    private int report(List<SyncResult> results) {
        results.forEach(result -> result.failure().ifPresent(failure ->
                root.complain("sync", result.plan().controlPlane() + ": " + Messages.describe(failure))));
        return exitCode(results);
    }

    private static int exitCode(List<SyncResult> results) {
        for (SyncResult result : results) {
            Optional<RuntimeException> failure = result.failure().or(() -> result.outcomes(OutcomeStatus.FAILED)
                    .stream().map(PluginOutcome::failure).flatMap(Optional::stream).findFirst());
            if (failure.isPresent()) {
                return ExitCode.of(failure.get());
            }
        }
        return results.stream().allMatch(SyncResult::converged) ? ExitCode.OK : ExitCode.ERROR;
    }
}
