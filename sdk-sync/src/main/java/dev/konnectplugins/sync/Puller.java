package dev.konnectplugins.sync;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.Texts;
import dev.konnectplugins.model.CustomPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Writes a control plane's plugins as {@code <folder>/<name>/handler.lua} and {@code schema.lua}. */
final class Puller {
    // Kong's custom-plugin name rule; also what keeps a name from escaping the folder (no '/', no '..').
    private static final Pattern PLUGIN_NAME = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]");

    private final CustomPlugins plugins;

    Puller(CustomPlugins plugins) {
        this.plugins = plugins;
    }

    List<PulledPlugin> pull(Path folder, boolean overwrite) {
        List<CustomPlugin> remote = new ArrayList<>();
        plugins.list(ListOptions.builder().pageSize(ListOptions.MAX_PAGE_SIZE).build()).forEach(remote::add);
        remote.sort(Comparator.comparing(CustomPlugin::getName));
        List<PulledPlugin> pulled = new ArrayList<>();
        for (CustomPlugin plugin : remote) {
            pulled.add(pullOne(folder, plugin, overwrite));
        }
        return List.copyOf(pulled);
    }

    private static PulledPlugin pullOne(Path folder, CustomPlugin plugin, boolean overwrite) {
        String name = plugin.getName();
        if (name == null || !PLUGIN_NAME.matcher(name).matches()) {
            return new PulledPlugin(String.valueOf(name), folder, PullStatus.SKIPPED,
                    "'" + name + "' is not a valid plugin name, so it cannot be a folder name");
        }
        Path directory = folder.resolve(name);
        Path handler = directory.resolve(PluginSource.HANDLER_FILE);
        Path schema = directory.resolve(PluginSource.SCHEMA_FILE);
        String handlerText = text(plugin.getHandler());
        String schemaText = text(plugin.getSchema());
        boolean handlerSame = sameAsLocal(handler, handlerText);
        boolean schemaSame = sameAsLocal(schema, schemaText);
        if (handlerSame && schemaSame) {
            return new PulledPlugin(name, directory, PullStatus.UNCHANGED, "");
        }
        boolean differs = (!handlerSame && Files.exists(handler)) || (!schemaSame && Files.exists(schema));
        if (differs && !overwrite) {
            return new PulledPlugin(name, directory, PullStatus.KEPT_LOCAL, directory + " has local files that "
                    + "differ from Konnect's; kept them (--overwrite, or overwrite = true in PluginSync.pull, replaces them)");
        }
        write(directory, handler, handlerText);
        write(directory, schema, schemaText);
        return new PulledPlugin(name, directory, PullStatus.WRITTEN, "");
    }

    private static boolean sameAsLocal(Path file, String remote) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Texts.same(Files.readString(file, StandardCharsets.UTF_8), remote);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path directory, Path file, String text) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
