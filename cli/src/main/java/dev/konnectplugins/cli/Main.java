package dev.konnectplugins.cli;

import dev.konnectplugins.internal.sync.SafeText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code konnect-plugins}: the command line of konnect-plugins-java. Run {@code konnect-plugins --help}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line, such as {@code plan plugins/}
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err, System.console() != null));
    }

    /**
     * Runs a command as {@code main} does, with this environment and these streams, and returns its exit status.
     *
     * @param terminal whether progress lines may be written to {@code err}
     * @param args the command line, such as {@code sync --prune plugins/}
     * @param environment the variables to read ({@code KONNECT_TOKEN} and the others), by name
     * @param out where results go
     * @param err where errors and progress go
     * @return the exit status (0 on success)
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                          boolean terminal) {
        KonnectPluginsCommand root = new KonnectPluginsCommand(environment, out, err, terminal);
        CommandLine commandLine = new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((problem, arguments) -> {
                    CommandLine command = problem.getCommandLine();
                    command.getErr().println(command.getCommandSpec().qualifiedName() + ": "
                            + problem.getMessage());
                    command.getErr().println("Run '" + command.getCommandSpec().qualifiedName()
                            + " --help' for the options.");
                    return ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println(command.getCommandSpec().qualifiedName() + ": "
                            + SafeText.inline(Messages.describe(failure)));
                    return ExitCode.of(failure);
                });
        return commandLine.execute(args);
    }
}
