package dev.konnectplugins.cli;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.InOrder;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.report.CheckedPlugin;
import dev.konnectplugins.validation.report.ReportFormat;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Offline validation, no token: sdk-validation's checks and report formats over the folder layouts sync reads. */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Check plugins offline, as Konnect's upload checks and Kong's plugin sandbox would. "
                + "No token, no network.")
final class ValidateCommand extends Subcommand implements Callable<Integer> {
    private static final String DEFAULT_FORMAT = "text";

    @Option(names = {"--output", "--format"}, paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            completionCandidates = ReportFormats.class,
            description = "text (default), json, sarif (SARIF 2.1.0) or github (Actions annotations); "
                    + "--format is the same option")
    String format = DEFAULT_FORMAT;

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "per-file size limit (default: ${DEFAULT-VALUE}, Konnect's 100 KB)")
    long maxFileSize = PluginValidator.DEFAULT_MAX_FILE_SIZE;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "plugins validated at once (default: the number of processors, ${DEFAULT-VALUE} here); "
                    + "the report is the same for any N")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "FOLDER", arity = "1..*",
            description = "a plugin folder, a folder of plugin folders, or a repository with kong/plugins/<name>/")
    List<String> folders;

    @Spec
    CommandSpec spec;

    /**
     * The command picocli would make of {@code args} when they are {@code validate}, folders and at most one known
     * output format ({@code --output}/{@code --format}, spelled {@code --output x} or {@code --output=x}): the command
     * line of a pre-commit hook or a CI step. Building picocli's model of the command costs about a fifth of a
     * one-plugin validation's CPU, so {@link Main} runs such a command line without it. Anything else (another
     * option, an {@code @file}, a format it does not know, a repeated option, a mistake) is empty: picocli parses it
     * and answers as usual.
     */
    static Optional<ValidateCommand> parsedWithoutPicocli(KonnectPluginsCommand root, String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return Optional.empty();
        }
        String format = null;
        List<String> folders = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--output") || arg.equals("--format")) {
                value = ++i < args.length ? args[i] : "";
            } else if (arg.startsWith("--output=") || arg.startsWith("--format=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
                return Optional.empty();
            } else {
                folders.add(arg);
                continue;
            }
            if (format != null || ReportFormat.named(value).isEmpty()) {
                return Optional.empty();
            }
            format = value;
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        ValidateCommand command = new ValidateCommand();
        command.root = root;
        command.folders = List.copyOf(folders);
        command.format = format != null ? format : DEFAULT_FORMAT;
        return Optional.of(command);
    }

    @Override
    public Integer call() {
        ReportFormat report = ReportFormat.named(format).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "unknown format '" + format + "' for --output (text, json, sarif or github)"));
        if (maxFileSize <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-file-size must be a positive number of bytes, got " + maxFileSize);
        }
        if (jobs <= 0) {
            throw new ParameterException(spec.commandLine(), "--jobs must be a positive number, got " + jobs);
        }
        PluginValidator validator = PluginValidator.builder().maxFileSize(maxFileSize).build();
        List<Found> found = new ArrayList<>();
        for (String given : folders) {
            List<String> problems = new ArrayList<>();
            Path folder = Path.of(given);
            List<Path> plugins = List.of();
            try {
                plugins = PluginSource.findDirectories(folder);
            } catch (UncheckedIOException e) {
                problems.add(e.getCause().getMessage());
            }
            if (plugins.isEmpty() && problems.isEmpty()) {
                problems.add(given + ": no plugins found: expected handler.lua and schema.lua in this folder, in its "
                        + "sub-folders, or under kong/plugins/<name>/");
            }
            if (!problems.isEmpty()) {
                root.complain("validate", String.join("; ", problems));
                return ExitCode.ERROR;
            }
            for (Path plugin : plugins) {
                found.add(new Found(shown(given, folder, plugin), plugin));
            }
        }
        List<CheckedPlugin> checked = validateAll(validator, found, jobs);
        out().print(report.render(checked));
        out().flush();
        return checked.stream().allMatch(plugin -> plugin.result().valid()) ? ExitCode.OK : ExitCode.ERROR;
    }

    /** A plugin folder to validate, and how the report names it. */
    private record Found(String shown, Path directory) {
    }

    /**
     * Validates each plugin, {@code jobs} at a time, and returns the results in the order found, so that the report
     * does not depend on {@code jobs}. The plugins are independent: each validation has an environment of its own.
     */
    private static List<CheckedPlugin> validateAll(PluginValidator validator, List<Found> found, int jobs) {
        return InOrder.map(found, jobs, "konnect-plugins-validate", plugin -> check(validator, plugin));
    }

    private static CheckedPlugin check(PluginValidator validator, Found plugin) {
        return new CheckedPlugin(plugin.shown(), validator.validateDirectory(plugin.directory()));
    }

    /** The plugin's folder as the user would type it: the argument itself, or the argument and the rest below it. */
    private static String shown(String given, Path folder, Path plugin) {
        if (plugin.equals(folder)) {
            return given;
        }
        String below = folder.relativize(plugin).toString().replace('\\', '/');
        return given.endsWith("/") ? given + below : given + "/" + below;
    }

    /** The values of --output, for completion. */
    static final class ReportFormats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ReportFormats() {
            super(List.of("text", "json", "sarif", "github"));
        }
    }
}
