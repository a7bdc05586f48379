package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What a sync would do, with diffs; writes nothing. */
@Command(name = "plan", aliases = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show what sync would change on each control plane, with diffs of the Lua. Writes nothing.")
final class PlanCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "the plugins: one per sub-folder, one plugin folder, or "
            + "kong/plugins/<name>/")
    Path folder;

    @Option(names = "--detailed-exitcode",
            description = "exit 2 when there are changes, 0 when there are none (as Terraform's)")
    boolean detailedExitCode;

    @Mixin
    SyncFlags flags;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        DesiredState desired = DesiredState.fromFolder(folder);
        List<String> controlPlanes = connection.controlPlanes(environment());
        try (Konnect konnect = connection.connect(environment())) {
            List<SyncPlan> plans = PluginSync.of(konnect).planAll(controlPlanes, desired, flags.toOptions().build());
            return reportPlans("plan", plans, flags.output.format, detailedExitCode);
        }
    }
}
