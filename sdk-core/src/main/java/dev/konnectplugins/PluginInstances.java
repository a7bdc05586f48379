package dev.konnectplugins;

import dev.konnectplugins.model.PluginInstance;

/**
 * The plugin instances of one control plane ({@code /v2/control-planes/{id}/core-entities/plugins}): configured uses
 * of a plugin on a service, route, consumer or globally. Read-only: the SDK reads them to tell which custom plugins
 * are in use, since Kong refuses to change or delete those. Thread-safe; blocking.
 *
 * <pre>{@code
 * long uses = konnect.controlPlane(id).pluginInstances().listByPluginName("stream-headers").stream().count();
 * }</pre>
 */
public final class PluginInstances {
    private final PluginInstancesAsync async;

    PluginInstances(PluginInstancesAsync async) {
        this.async = async;
    }

    /**
     * The same operations, returning {@link java.util.concurrent.CompletableFuture}s.
     *
     * @return the asynchronous view of the same instances
     */
    public PluginInstancesAsync async() {
        return async;
    }

    /**
     * Every plugin instance, fetched lazily.
     *
     * @return the instances; each page is requested when iteration reaches it
     */
    public PagedIterable<PluginInstance> list() {
        return async.listNow();
    }

    /**
     * The instances of the plugin named exactly {@code pluginName}, fetched lazily.
     *
     * @param pluginName the plugin's exact name, such as {@code my-header}, not null
     * @return the instances; empty when no instance uses the plugin
     */
    public PagedIterable<PluginInstance> listByPluginName(String pluginName) {
        return async.listByPluginNameNow(pluginName);
    }

    @Override
    public String toString() {
        return "PluginInstances{controlPlaneId=" + async.controlPlaneId() + "}";
    }
}
