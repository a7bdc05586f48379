package dev.konnectplugins.cli;

import dev.konnectplugins.internal.sync.SafeText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: its subcommands do the work; alone it explains itself. Its footer (exit status, environment) is
 * {@link #footer()}, set by {@link Main} because an annotation cannot hold {@link ExitCode#FOOTER}. Its subcommands
 * are added by {@link Subcommands}, only those a command line needs, so they are not listed here.
 */
@Command(name = "konnect-plugins", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = false,
        description = "Kong custom plugins as code on Konnect: validate a folder of plugins, plan and sync it to "
                + "one or many control planes, pull plugins back, list, get and delete them.",
        footerHeading = "%nExit status:%n")
final class KonnectPluginsCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Optional<Prompt> prompt;

    @Spec
    CommandSpec spec;

    KonnectPluginsCommand(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                          Optional<Prompt> prompt) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.prompt = prompt;
    }

    /** The lines after "Exit status:" in {@code --help}: the exit codes, then the environment variables. */
    static String[] footer() {
        List<String> lines = new ArrayList<>(List.of(ExitCode.FOOTER));
        lines.addAll(List.of("",
                "Environment: KONNECT_TOKEN, KONNECT_REGION or KONNECT_BASE_URL (not both),",
                "  KONNECT_CONTROL_PLANE, HTTPS_PROXY, HTTP_PROXY, NO_PROXY; options win over",
                "  them (--region or --base-url replaces both variables)."));
        return lines.toArray(String[]::new);
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

    /** Who to ask before a sync writes: the person at the terminal; empty in CI or a pipe. */
    Optional<Prompt> prompt() {
        return prompt;
    }

    /** Reports a line on stderr, prefixed by the command, as every failure is. */
    void complain(String command, String message) {
        err.println("konnect-plugins " + command + ": " + SafeText.inline(message));
    }
}
