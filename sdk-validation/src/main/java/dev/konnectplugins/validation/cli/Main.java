package dev.konnectplugins.validation.cli;

import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code konnect-plugins-validate} command: {@code [--name NAME] [--format text|json|sarif|github]
 * [--max-file-size BYTES] DIR...}. Exit status 0 when every plugin is valid, 1 when one is not, 2 for bad usage,
 * unreadable input or an internal failure, which is reported on one line, never as a stack trace. The only class of
 * the module that prints.
 */
public final class Main {
    /** Every plugin is valid. */
    public static final int VALID = 0;
    /** At least one plugin is invalid. */
    public static final int INVALID = 1;
    /** Bad usage, unreadable input or an internal failure. */
    public static final int USAGE = 2;

    private static final String PROGRAM = "konnect-plugins-validate: ";

    /**
     * Validates the plugin directories named on the command line and exits with {@link #VALID}, {@link #INVALID} or
     * {@link #USAGE}; {@code --help} lists the options.
     *
     * @param args plugin directories and options
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> err.println(PROGRAM + "internal error in thread "
                + Printable.escape(thread.getName()) + ": " + oneLine(e)));
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command, writing the report to {@code out} and problems to {@code err}; returns the exit status.
     * Never throws: an internal failure is one line on {@code err} and exit status {@value #USAGE}.
     *
     * @param args the command line: plugin directories or repositories, and options such as {@code --format}
     * @param out where the report goes
     * @param err where usage errors and internal failures go
     * @return {@value #VALID} when every plugin is valid, {@value #INVALID} when one is not, {@value #USAGE} for bad
     *     usage, unreadable input or an internal failure
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return runChecked(args, out, err);
        } catch (RuntimeException | Error e) {
            err.println(PROGRAM + "internal error: " + oneLine(e));
            return USAGE;
        }
    }

    private static int runChecked(String[] args, PrintStream out, PrintStream err) {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println(PROGRAM + Printable.escape(e.getMessage()));
            err.print(CommandLine.USAGE);
            return USAGE;
        }
        if (command.help()) {
            out.print(CommandLine.USAGE);
            return VALID;
        }
        PluginValidator.Builder builder = PluginValidator.builder();
        if (command.maxFileSize() != null) {
            builder.maxFileSize(command.maxFileSize());
        }
        PluginValidator validator = builder.build();
        List<Checked> checked = new ArrayList<>();
        try {
            for (String directory : command.directories()) {
                checked.addAll(check(validator, directory, command.name()));
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            String message = e instanceof UncheckedIOException u && u.getCause() != null
                    ? u.getCause().getMessage() : e.getMessage();
            err.println(PROGRAM + Printable.escape(String.valueOf(message)));
            return USAGE;
        }
        out.print(command.format().render(checked));
        out.flush();
        return checked.stream().allMatch(c -> c.result().valid()) ? VALID : INVALID;
    }

    /** The failure's type and message, escaped, on one line. */
    private static String oneLine(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Printable.escape(e.getMessage()));
    }

    private static List<Checked> check(PluginValidator validator, String given, String name) {
        Path root;
        try {
            root = Paths.get(given);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + given + "'", e);
        }
        List<Checked> results = new ArrayList<>();
        for (Path plugin : PluginValidator.findPlugins(root)) {
            String path = plugin.equals(root) ? given : plugin.toString();
            ValidationResult result = name == null ? validator.validateDirectory(plugin)
                    : validator.validateDirectory(plugin, name);
            results.add(new Checked(path, result));
        }
        return results;
    }

    private Main() {
    }
}
