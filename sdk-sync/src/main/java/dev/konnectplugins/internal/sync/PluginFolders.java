package dev.konnectplugins.internal.sync;

import dev.konnectplugins.PluginSource;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * The plugin folders under {@code folder}, found by {@link PluginSource#findDirectories} (the finder validation
     * and the CLI use too), without reading them; problems (no such folder, unlistable), each naming its folder, are
     * added to {@code problems}.
     */
    public static List<Path> find(Path folder, List<String> problems) {
        try {
            return PluginSource.findDirectories(folder);
        } catch (UncheckedIOException e) {
            problems.add(e.getCause().getMessage());
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
}
