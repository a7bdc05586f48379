package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.testkit.StoredCustomPlugin;
import dev.konnectplugins.testkit.StoredPluginSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything one control plane holds. Each request runs under this object's lock, so check-then-act sequences
 * (a duplicate-name check followed by an insert) stay atomic when tests hit the fake from many threads.
 */
public final class ControlPlaneState {

    private final ControlPlaneInfo info;
    private final CustomPluginStore customPlugins = new CustomPluginStore();
    private final Map<String, StoredPluginSchema> pluginSchemas = new LinkedHashMap<>();
    // Plugin instances in creation order; their sequence numbers are what paging cursors point at.
    private final List<PluginInstanceRecord> pluginInstances = new ArrayList<>();
    private long instanceSequence;

    public ControlPlaneState(ControlPlaneInfo info) {
        this.info = info;
    }

    public ControlPlaneInfo info() {
        return info;
    }

    public synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    CustomPluginStore customPlugins() {
        return customPlugins;
    }

    Map<String, StoredPluginSchema> pluginSchemas() {
        return pluginSchemas;
    }

    /** The id of the first plugin instance that uses this plugin, as Kong names it in its refusal. */
    Optional<String> usingInstance(String pluginName) {
        return pluginInstances.stream().filter(instance -> instance.name().equals(pluginName)).findFirst()
                .map(PluginInstanceRecord::id);
    }

    List<PluginInstanceRecord> pluginInstances() {
        return pluginInstances;
    }

    /** Adds a plugin instance of the named plugin (it need not exist: Konnect also has bundled plugins). */
    public synchronized void addPluginInstance(String pluginName, String instanceId, long createdAt) {
        pluginInstances.add(new PluginInstanceRecord(++instanceSequence, instanceId, pluginName, createdAt));
    }

    /** Removes one plugin instance; false when there was none with this id. */
    public synchronized boolean removePluginInstance(String instanceId) {
        return pluginInstances.removeIf(instance -> instance.id().equals(instanceId));
    }

    /** Removes every instance of the named plugin. */
    public synchronized void removePluginInstances(String pluginName) {
        pluginInstances.removeIf(instance -> instance.name().equals(pluginName));
    }

    public synchronized List<StoredCustomPlugin> customPluginSnapshot() {
        return customPlugins.all();
    }

    public synchronized List<StoredPluginSchema> pluginSchemaSnapshot() {
        return List.copyOf(pluginSchemas.values());
    }
}
