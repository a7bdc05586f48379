package dev.konnectplugins.cli;

import dev.konnectplugins.internal.sync.SafeText;
import dev.konnectplugins.internal.validation.Preload;
import dev.konnectplugins.sync.SyncValidationException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

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
        if (Version.asked(args)) {
            // the version alone needs neither picocli nor the environment: a few classes instead of hundreds
            Version.print(System.out);
            System.exit(ExitCode.OK);
        }
        if (Subcommands.validates(args)) {
            // the validator's classes are loaded on another processor while picocli reads the command line
            Preload.start();
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Optional<Prompt> prompt = Prompt.terminal();
        System.exit(run(args, System.getenv(), out, err, prompt.isPresent(), prompt));
    }

    /**
     * Runs a command as {@code main} does, with this environment and these streams, and returns its exit status.
     * There is no one to ask, so {@code sync} proceeds without confirmation, as it does in CI.
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
        return run(args, environment, out, err, terminal, Optional.empty());
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream, boolean)}, asking {@code prompt} before a sync writes. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                   boolean terminal, Optional<Prompt> prompt) {
        if (Version.asked(args)) {
            Version.print(out);
            return ExitCode.OK;
        }
        KonnectPluginsCommand root = new KonnectPluginsCommand(environment, out, err, terminal, prompt);
        Optional<ValidateCommand> validate = ValidateCommand.parsedWithoutPicocli(root, args);
        if (validate.isPresent()) {
            return runWithoutPicocli(validate.get(), err);
        }
        CommandLine commandLine = Subcommands.addNeeded(new CommandLine(root), args)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(Main::badUsage)
                .setExecutionExceptionHandler((failure, command, parsed) ->
                        failed(failure, command.getCommandSpec().qualifiedName(), command.getErr()));
        commandLine.getCommandSpec().usageMessage().footer(KonnectPluginsCommand.footer());
        return commandLine.execute(args);
    }

    /** Runs {@code validate} as picocli's {@code execute} would, with the same report of a failure. */
    private static int runWithoutPicocli(ValidateCommand validate, PrintStream err) {
        try {
            return validate.call();
        } catch (RuntimeException failure) {
            PrintWriter writer = new PrintWriter(err, true);
            return failed(failure, "konnect-plugins validate", writer);
        }
    }

    /** Reports a command's failure on {@code err}, after the command's name, and returns its exit status. */
    private static int failed(Exception failure, String command, PrintWriter err) {
        // a refused desired state lists every finding, a line each, all written (and escaped) here
        String message = Messages.describe(failure);
        err.println(command + ": " + (failure instanceof SyncValidationException ? SafeText.lines(message)
                : SafeText.inline(message)));
        return ExitCode.of(failure);
    }

    /** One line naming the problem, picocli's "Did you mean" for a typo, and where the options are listed. */
    private static int badUsage(ParameterException problem, String[] arguments) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + problem.getMessage());
        Suggestions.print(problem, err);
        err.println("Run '" + name + " --help' for the options.");
        return ExitCode.USAGE;
    }
}
