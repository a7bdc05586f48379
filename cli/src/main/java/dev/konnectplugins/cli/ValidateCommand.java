package dev.konnectplugins.cli;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.report.CheckedPlugin;
import dev.konnectplugins.validation.report.ReportFormat;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    @Option(names = {"--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = ReportFormats.class,
            description = "text (default), json, sarif (SARIF 2.1.0) or github (Actions annotations); "
                    + "--format is the same option")
    String format;

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "per-file size limit (default: ${DEFAULT-VALUE}, Konnect's 100 KB)")
    long maxFileSize = PluginValidator.DEFAULT_MAX_FILE_SIZE;

    @Parameters(paramLabel = "FOLDER", arity = "1..*",
            description = "a plugin folder, a folder of plugin folders, or a repository with kong/plugins/<name>/")
    List<String> folders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat report = ReportFormat.named(format).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "unknown format '" + format + "' for --output (text, json, sarif or github)"));
        if (maxFileSize <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--max-file-size must be a positive number of bytes, got " + maxFileSize);
        }
        PluginValidator validator = PluginValidator.builder().maxFileSize(maxFileSize).build();
        List<CheckedPlugin> checked = new ArrayList<>();
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
                checked.add(new CheckedPlugin(shown(given, folder, plugin), validator.validateDirectory(plugin)));
            }
        }
        out().print(report.render(checked));
        out().flush();
        return checked.stream().allMatch(plugin -> plugin.result().valid()) ? ExitCode.OK : ExitCode.ERROR;
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
