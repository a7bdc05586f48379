package dev.konnectplugins.internal.sync;

import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds and reads the plugin folders of a desired-state folder, collecting every problem instead of stopping. */
public final class PluginFolders {
    private PluginFolders() {
    }

    /** The plugins under {@code folder}; each problem found is added to {@code problems}. */
    public static List<PluginSource> read(Path folder, List<String> problems) {
        List<PluginSource> sources = new ArrayList<>();
        for (Path candidate : find(folder, problems)) {
            readPlugin(candidate, problems).ifPresent(sources::add);
        }
        return sources;
    }

    /**
     * The plugin folders under {@code folder} (itself, each {@code kong/plugins/<name>}, or each sub-folder with a
     * plugin file), without reading them; problems (no such folder, unlistable), each naming its folder, are added
     * to {@code problems}.
     */
    public static List<Path> find(Path folder, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(folder + (Files.exists(folder) ? ": not a folder" : ": no such folder"));
            return List.of();
        }
        return candidates(folder, problems);
    }

    private static List<Path> candidates(Path folder, List<String> problems) {
        if (hasPluginFile(folder)) {
            return List.of(folder);
        }
        Path template = folder.resolve("kong").resolve("plugins");
        Path parent = Files.isDirectory(template) ? template : folder;
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(PluginFolders::hasPluginFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add("cannot list " + parent + ": " + e.getMessage());
            return List.of();
        }
    }

    private static Optional<PluginSource> readPlugin(Path directory, List<String> problems) {
        boolean handler = Files.exists(directory.resolve(PluginSource.HANDLER_FILE));
        boolean schema = Files.exists(directory.resolve(PluginSource.SCHEMA_FILE));
        if (handler != schema) {
            problems.add(directory + ": has " + (handler ? PluginSource.HANDLER_FILE : PluginSource.SCHEMA_FILE)
                    + " but no " + (handler ? PluginSource.SCHEMA_FILE : PluginSource.HANDLER_FILE)
                    + "; a plugin needs both");
            return Optional.empty();
        }
        try {
            return Optional.of(PluginSource.fromDirectory(directory));
        } catch (UncheckedIOException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problems.add(directory + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean hasPluginFile(Path directory) {
        return Files.isRegularFile(directory.resolve(PluginSource.HANDLER_FILE))
                || Files.isRegularFile(directory.resolve(PluginSource.SCHEMA_FILE));
    }
}
