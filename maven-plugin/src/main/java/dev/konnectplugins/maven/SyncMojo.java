package dev.konnectplugins.maven;

import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.OutcomeStatus;
import dev.konnectplugins.sync.PluginOutcome;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes each control plane hold exactly the plugins of the plugins directory, as the CLI's {@code sync} does:
 * validates them all, plans, then creates and updates (then, with {@code prune}, deletes). Never prompts. Plugins in
 * use and plugins this tool does not manage are never changed: such a blocked change fails the build after the rest
 * was written. The results also go to {@code target/konnect-plugins/sync.json}.
 */
@Mojo(name = "sync", threadSafe = true)
public final class SyncMojo extends AbstractSyncMojo {
    /** Keeps writing after a failed write instead of stopping at the first. */
    @Parameter(property = "konnect-plugins.continueOnError", defaultValue = "false")
    private boolean continueOnError;

    /** With several control planes: a failed one stops those not yet started. */
    @Parameter(property = "konnect-plugins.stopAllOnFailure", defaultValue = "false")
    private boolean stopAllOnFailure;

    /** Creates the goal; Maven sets its parameters. */
    public SyncMojo() {
    }

    @Override
    void run(PluginSync sync, List<String> controlPlanes, DesiredState desired)
            throws MojoExecutionException, MojoFailureException {
        List<SyncResult> results = sync.syncAll(controlPlanes, desired, options()
                .continueOnError(continueOnError).stopAllOnFailure(stopAllOnFailure).build());
        for (SyncResult result : results) {
            if (result.failure().isPresent()) {
                getLog().error(result.plan().controlPlane() + ": " + describe(result.failure().get()));
            } else {
                logText(result.plan().toText());
                logText(result.toText());
            }
        }
        logWarnings(desired, results.stream().map(SyncResult::plan).toList());
        Path report = writeReport("sync.json", jsonArray(results.stream().map(SyncResult::toJson).toList()));
        getLog().info("Results written to " + report);
        Optional<RuntimeException> failure = firstFailure(results);
        if (failure.isPresent()) {
            throw new MojoExecutionException(describe(failure.get()), failure.get());
        }
        if (!results.stream().allMatch(SyncResult::converged)) {
            throw new MojoFailureException("not converged: " + results.stream()
                    .map(result -> result.plan().controlPlane() + ": " + result.plan().summary())
                    .collect(Collectors.joining("; ")) + ". Everything else was written; the blocked changes "
                    + "above say why and what to do");
        }
    }

    private static Optional<RuntimeException> firstFailure(List<SyncResult> results) {
        for (SyncResult result : results) {
            Optional<RuntimeException> failure = result.failure().or(() -> result.outcomes(OutcomeStatus.FAILED)
                    .stream().map(PluginOutcome::failure).flatMap(Optional::stream).findFirst());
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }
}
