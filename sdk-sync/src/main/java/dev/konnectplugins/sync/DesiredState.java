package dev.konnectplugins.sync;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.PluginFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins a control plane should have: read from a folder, or given in memory. Immutable; plugins are sorted by
 * name.
 *
 * <pre>{@code
 * DesiredState desired = DesiredState.fromFolder(Path.of("plugins"));
 * }</pre>
 */
public final class DesiredState {
    private final Path folder;
    private final List<PluginSource> plugins;

    private DesiredState(Path folder, List<PluginSource> plugins) {
        this.folder = folder;
        this.plugins = plugins;
    }

    /**
     * Reads a folder in any of three layouts: a single plugin folder ({@code handler.lua} and {@code schema.lua} in
     * it), Kong's template layout ({@code kong/plugins/<name>/}), or one plugin per sub-folder, as
     * {@link PluginSource#findDirectories} finds them. A plugin's name is its folder's name. Sub-folders with neither
     * file (and hidden ones) are ignored. What the plugins contain (a name that differs from the schema's, Lua Kong
     * refuses) is not checked here: planning and syncing validate every plugin and report all findings at once
     * ({@link SyncValidationException}), as {@code validate} does.
     *
     * @param folder the folder to read, not null
     * @return the plugins found, sorted by name
     * @throws DesiredStateException listing every problem found (no plugins, a missing file, an unreadable file,
     *                               a duplicate name)
     */
    public static DesiredState fromFolder(Path folder) {
        Objects.requireNonNull(folder, "folder");
        List<String> problems = new ArrayList<>();
        List<PluginSource> sources = PluginFolders.read(folder, problems);
        problems.addAll(duplicateNames(sources));
        if (problems.isEmpty() && sources.isEmpty()) {
            problems.add(folder + ": no plugins found: expected handler.lua and schema.lua in this folder, in its "
                    + "sub-folders, or under kong/plugins/<name>/");
        }
        if (!problems.isEmpty()) {
            throw new DesiredStateException(folder, problems);
        }
        return new DesiredState(folder, sorted(sources));
    }

    /**
     * Plugins given in memory. An empty collection is allowed: with prune, it removes every managed plugin.
     *
     * @param plugins the plugins; their names must be unique
     * @return the desired state, sorted by name
     * @throws DesiredStateException for duplicate names
     */
    public static DesiredState of(Collection<PluginSource> plugins) {
        Objects.requireNonNull(plugins, "plugins");
        List<PluginSource> sources = List.copyOf(plugins);
        List<String> problems = duplicateNames(sources);
        if (!problems.isEmpty()) {
            throw new DesiredStateException(null, problems);
        }
        return new DesiredState(null, sorted(sources));
    }

    /**
     * The plugins, sorted by name.
     *
     * @return the plugins, unmodifiable
     */
    public List<PluginSource> plugins() {
        return plugins;
    }

    /**
     * The plugin with this name, if it is part of the desired state.
     *
     * @param name the plugin's exact name
     * @return the plugin, or empty
     */
    public Optional<PluginSource> plugin(String name) {
        return plugins.stream().filter(plugin -> plugin.name().equals(name)).findFirst();
    }

    /** {@return the folder it was read from; empty for plugins given in memory} */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    @Override
    public String toString() {
        return "DesiredState{" + (folder == null ? "" : "folder=" + folder + ", ") + "plugins="
                + plugins.stream().map(PluginSource::name).toList() + "}";
    }

    private static List<String> duplicateNames(List<PluginSource> sources) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PluginSource source : sources) {
            String where = source.directory().map(Path::toString).orElse("plugin " + source.name());
            if (!seen.add(source.name())) {
                problems.add(where + ": duplicate plugin name '" + source.name() + "'");
            }
        }
        return problems;
    }

    private static List<PluginSource> sorted(List<PluginSource> sources) {
        return sources.stream().sorted(Comparator.comparing(PluginSource::name)).toList();
    }
}
