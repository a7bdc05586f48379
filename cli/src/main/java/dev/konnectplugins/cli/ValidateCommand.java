package dev.konnectplugins.cli;

import dev.konnectplugins.PluginSource;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Offline validation, no token: sdk-validation's checks and formats over the folder layouts sync reads. */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Check plugins offline, as Konnect's upload checks and Kong's plugin sandbox would. "
                + "No token, no network.")
final class ValidateCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, sarif (SARIF 2.1.0) or github (Actions annotations)")
    String format;

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "per-file size limit (default: 102400, Konnect's 100 KB)")
    Long maxFileSize;

    @Parameters(paramLabel = "FOLDER", arity = "1..*",
            description = "a plugin folder, a folder of plugin folders, or a repository with kong/plugins/<name>/")
    List<Path> folders;

    @Override
    public Integer call() {
        List<String> arguments = new ArrayList<>(List.of("--format", format));
        if (maxFileSize != null) {
            arguments.addAll(List.of("--max-file-size", String.valueOf(maxFileSize)));
        }
        for (Path folder : folders) {
            List<String> problems = new ArrayList<>();
            List<Path> plugins = List.of();
            try {
                plugins = PluginSource.findDirectories(folder);
            } catch (UncheckedIOException e) {
                problems.add(e.getCause().getMessage());
            }
            if (plugins.isEmpty() && problems.isEmpty()) {
                problems.add(folder + ": no plugins found: expected handler.lua and schema.lua in this folder, in its "
                        + "sub-folders, or under kong/plugins/<name>/");
            }
            if (!problems.isEmpty()) {
                root.complain("validate", String.join("; ", problems));
                return ExitCode.USAGE;
            }
            plugins.forEach(plugin -> arguments.add(plugin.toString()));
        }
        return dev.konnectplugins.validation.cli.Main.run(arguments.toArray(String[]::new), out(), err());
    }
}
