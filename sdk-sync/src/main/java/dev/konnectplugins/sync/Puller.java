package dev.konnectplugins.sync;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.PullTarget;
import dev.konnectplugins.internal.sync.Texts;
import dev.konnectplugins.model.CustomPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
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
        remote.sort(Comparator.comparing(CustomPlugin::getName, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<PulledPlugin> pulled = new ArrayList<>();
        try (PullTarget target = PullTarget.open(folder)) {
            for (CustomPlugin plugin : remote) {
                pulled.add(pullOne(target, folder, plugin, overwrite));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write into " + folder + ": " + e.getMessage(), e);
        }
        return List.copyOf(pulled);
    }

    /**
     * One plugin; what its folder cannot take (a link, a FIFO, a name too long for this file system) skips it with
     * a message, and the pull goes on.
     */
    private static PulledPlugin pullOne(PullTarget target, Path folder, CustomPlugin plugin, boolean overwrite) {
        String name = plugin.getName();
        if (name == null || !PLUGIN_NAME.matcher(name).matches()) {
            return new PulledPlugin(String.valueOf(name), folder, PullStatus.SKIPPED,
                    "'" + name + "' is not a valid plugin name, so it cannot be a folder name");
        }
        Path directory = folder.resolve(name);
        try (PullTarget.PluginFolder local = target.plugin(name)) {
            return pullInto(local, name, plugin, overwrite);
        } catch (PullTarget.Refused e) {
            return new PulledPlugin(name, directory, PullStatus.SKIPPED, e.getMessage());
        } catch (IOException e) {
            return new PulledPlugin(name, directory, PullStatus.SKIPPED, "cannot be written as " + directory + " ("
                    + reason(e) + "); skipped");
        }
    }

    private static PulledPlugin pullInto(PullTarget.PluginFolder local, String name, CustomPlugin plugin,
                                         boolean overwrite) throws IOException {
        Path directory = local.path();
        String handlerText = text(plugin.getHandler());
        String schemaText = text(plugin.getSchema());
        String localHandler = local.read(PluginSource.HANDLER_FILE);
        String localSchema = local.read(PluginSource.SCHEMA_FILE);
        boolean handlerSame = localHandler != null && Texts.same(localHandler, handlerText);
        boolean schemaSame = localSchema != null && Texts.same(localSchema, schemaText);
        if (handlerSame && schemaSame) {
            return new PulledPlugin(name, directory, PullStatus.UNCHANGED, "");
        }
        boolean differs = (!handlerSame && localHandler != null) || (!schemaSame && localSchema != null);
        if (differs && !overwrite) {
            return new PulledPlugin(name, directory, PullStatus.KEPT_LOCAL, directory + " has local files that "
                    + "differ from Konnect's; kept them (--overwrite, or overwrite = true in PluginSync.pull, replaces them)");
        }
        local.write(PluginSource.HANDLER_FILE, withNewline(handlerText));
        local.write(PluginSource.SCHEMA_FILE, withNewline(schemaText));
        return new PulledPlugin(name, directory, PullStatus.WRITTEN, "");
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Why an I/O operation failed, in a few words ("File name too long"). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
