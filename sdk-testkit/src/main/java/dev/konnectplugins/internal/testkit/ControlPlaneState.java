package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.testkit.StoredCustomPlugin;
import dev.konnectplugins.testkit.StoredPluginSchema;
import java.util.HashMap;
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
    // Plugin name -> id of the (imaginary) plugin instance that uses it.
    private final Map<String, String> inUse = new HashMap<>();

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

    Optional<String> usingInstance(String pluginName) {
        return Optional.ofNullable(inUse.get(pluginName));
    }

    public synchronized void markInUse(String pluginName, String instanceId) {
        inUse.put(pluginName, instanceId);
    }

    public synchronized void markNotInUse(String pluginName) {
        inUse.remove(pluginName);
    }

    public synchronized List<StoredCustomPlugin> customPluginSnapshot() {
        return customPlugins.all();
    }

    public synchronized List<StoredPluginSchema> pluginSchemaSnapshot() {
        return List.copyOf(pluginSchemas.values());
    }
}
