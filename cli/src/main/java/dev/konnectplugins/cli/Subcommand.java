package dev.konnectplugins.cli;

import dev.konnectplugins.sync.SyncPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the root's environment and streams. */
abstract class Subcommand {
    @ParentCommand
    KonnectPluginsCommand root;

    Map<String, String> environment() {
        return root.environment();
    }

    PrintStream out() {
        return root.out();
    }

    PrintStream err() {
        return root.err();
    }

    /**
     * Prints the plans, then one complaint per control plane that could not be planned; returns the exit code. The
     * one way plan and {@code sync --dry-run} report, so they cannot drift apart.
     */
    int reportPlans(String command, List<SyncPlan> plans, OutputFormat format, boolean detailedExitCode) {
        Reports.printPlans(out(), plans, format);
        plans.forEach(plan -> plan.failure().ifPresent(failure ->
                root.complain(command, plan.controlPlane() + ": " + Messages.describe(failure))));
        return ExitCode.of(plans, detailedExitCode);
    }
}
