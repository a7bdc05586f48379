package dev.konnectplugins.cli;

import dev.konnectplugins.internal.sync.SafeText;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: its subcommands do the work; alone it explains itself. */
@Command(name = "konnect-plugins", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = false,
        description = "Kong custom plugins as code on Konnect: validate a folder of plugins, plan and sync it to "
                + "one or many control planes, pull plugins back, list, get and delete them.",
        subcommands = {ValidateCommand.class, PlanCommand.class, SyncCommand.class, PullCommand.class,
                ListCommand.class, GetCommand.class, DeleteCommand.class, AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit status:%n",
        footer = {"  0  done (plan: no changes, or changes without --detailed-exitcode)",
                "  1  refused or invalid: an invalid plugin, a blocked change, a local file kept",
                "  2  bad usage or configuration; plan --detailed-exitcode: there are changes",
                "  3  Konnect answered an error (token, control plane not found, 5xx...)",
                "  4  Konnect could not be reached (network, DNS, proxy, timeout)",
                "",
                "Environment: KONNECT_TOKEN, KONNECT_REGION or KONNECT_BASE_URL,",
                "  KONNECT_CONTROL_PLANE, HTTPS_PROXY, HTTP_PROXY, NO_PROXY."})
final class KonnectPluginsCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    @Spec
    CommandSpec spec;

    KonnectPluginsCommand(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    Map<String, String> environment() {
        return environment;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** Whether progress lines may be shown: stderr is a terminal, not a pipe or a file. */
    boolean terminal() {
        return terminal;
    }

    /** Reports a line on stderr, prefixed by the command, as every failure is. */
    void complain(String command, String message) {
        err.println("konnect-plugins " + command + ": " + SafeText.inline(message));
    }
}
