package dev.konnectplugins;

import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.UploadGuard;
import dev.konnectplugins.model.ControlPlane;

/**
 * One control plane, the root of its custom plugins and plugin schemas:
 * {@code konnect.controlPlane(id).customPlugins()}. Cheap to create; thread-safe.
 */
public final class ControlPlaneClient {
    private final HttpPipeline pipeline;
    private final UploadGuard guard;
    private final String id;

    ControlPlaneClient(HttpPipeline pipeline, UploadGuard guard, String id) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.id = Requests.requireText(id, "controlPlaneId");
    }

    /** {@return the control plane's id (a UUID)} */
    public String id() {
        return id;
    }

    /**
     * Its streamed custom plugins.
     *
     * @return the client for this control plane's custom plugins; sends nothing
     */
    public CustomPlugins customPlugins() {
        return new CustomPlugins(new CustomPluginsAsync(pipeline, guard, id));
    }

    /**
     * Its plugin instances (read-only): which plugins are configured, and so which custom plugins are in use.
     *
     * @return the client for this control plane's plugin instances; sends nothing
     */
    public PluginInstances pluginInstances() {
        return new PluginInstances(new PluginInstancesAsync(pipeline, id));
    }

    /**
     * Its hybrid-mode plugin schemas.
     *
     * @return the client for this control plane's plugin schemas; sends nothing
     */
    public PluginSchemas pluginSchemas() {
        return new PluginSchemas(new PluginSchemasAsync(pipeline, id));
    }

    /**
     * Reads the control plane itself.
     *
     * @return the control plane as Konnect describes it now
     * @throws NotFoundException when it does not exist
     */
    public ControlPlane get() {
        return new ControlPlanes(new ControlPlanesAsync(pipeline)).get(id);
    }

    @Override
    public String toString() {
        return "ControlPlaneClient{id=" + id + "}";
    }
}
