package dev.konnectplugins;

import dev.konnectplugins.model.CustomPlugin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The streamed custom plugins of one control plane
 * ({@code /v2/control-planes/{id}/core-entities/custom-plugins}). Thread-safe; blocking: each call runs on the
 * calling thread.
 * {@link #async()} gives the same operations without blocking.
 *
 * <pre>{@code
 * CustomPlugins plugins = konnect.controlPlane(controlPlaneId).customPlugins();
 * CustomPlugin saved = plugins.upsert(PluginSource.fromDirectory(Path.of("stream-headers")));
 * }</pre>
 *
 * <p>When {@code sdk-validation} is on the class path, {@link #create} and {@link #upsert} first validate the plugin
 * offline and throw {@link PluginValidationException} without sending anything if Konnect would reject it or it
 * would fail on the data plane (see {@link Konnect.Builder#validateBeforeUpload(boolean)}).
 */
public final class CustomPlugins {
    private final CustomPluginsAsync async;

    CustomPlugins(CustomPluginsAsync async) {
        this.async = async;
    }

    /**
     * The same operations, returning {@link java.util.concurrent.CompletableFuture}s.
     *
     * @return the asynchronous view of the same plugins
     */
    public CustomPluginsAsync async() {
        return async;
    }

    /**
     * The control plane these plugins belong to.
     *
     * @return the control plane's id
     */
    public String controlPlaneId() {
        return async.controlPlaneId();
    }

    /**
     * Uploads a new plugin (POST). Never retried after a server error, so it cannot be created twice.
     *
     * @param source the plugin's name, handler, schema and tags
     * @return the plugin as Konnect stored it, with its id
     * @throws PluginValidationException when validation is on and the plugin would be rejected (nothing is sent)
     * @throws ConflictException         when a plugin with this name exists; use {@link #upsert} to replace it
     * @throws BadRequestException       when Konnect rejects the plugin; see its invalid parameters
     */
    public CustomPlugin create(PluginSource source) {
        return async.createNow(source);
    }

    /**
     * Runs, without sending anything, the offline checks that {@link #create} and {@link #upsert} run first: every
     * finding, errors and warnings. Empty when no validator is on the class path (add sdk-validation) or when the
     * client was built with {@code validateBeforeUpload(false)}; see {@link Konnect#validatesBeforeUpload()}.
     *
     * @param source the plugin to check
     * @return every finding, in a deterministic order
     */
    public List<Diagnostic> validate(PluginSource source) {
        return async.validate(source);
    }

    /**
     * Reads a plugin by id or name.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @return the plugin
     * @throws NotFoundException when there is no such plugin (or no such control plane)
     */
    public CustomPlugin get(String idOrName) {
        return async.getNow(idOrName);
    }

    /**
     * Reads a plugin by id or name; empty when there is none.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @return the plugin, or empty
     */
    public Optional<CustomPlugin> find(String idOrName) {
        return async.findNow(idOrName);
    }

    /**
     * Every plugin, fetching pages lazily as iteration proceeds.
     *
     * @return the plugins; each page is requested when iteration reaches it
     */
    public PagedIterable<CustomPlugin> list() {
        return list(ListOptions.defaults());
    }

    /**
     * The plugins matching the tag filter, with the given page size, fetched lazily.
     *
     * @param options the tag filter and page size; {@link ListOptions#defaults()} for none
     * @return the matching plugins; each page is requested when iteration reaches it
     */
    public PagedIterable<CustomPlugin> list(ListOptions options) {
        return async.listNow(options);
    }

    /**
     * Creates the plugin named by the source, or replaces it (PUT by name).
     *
     * @param source the plugin; its name picks the plugin to create or replace
     * @return the plugin as Konnect stored it
     * @throws PluginValidationException when validation is on and the plugin would be rejected (nothing is sent)
     * @throws PluginInUseException      when Konnect refuses to change a plugin that instances use
     */
    public CustomPlugin upsert(PluginSource source) {
        Objects.requireNonNull(source, "source");
        return async.upsertNow(source.name(), source);
    }

    /**
     * Creates or replaces the plugin with this id or name (PUT).
     *
     * @param idOrName the id (a UUID) or name of the plugin to create or replace
     * @param source the plugin's new handler, schema and tags (and name)
     * @return the plugin as Konnect stored it
     */
    public CustomPlugin upsert(String idOrName, PluginSource source) {
        return async.upsertNow(idOrName, source);
    }

    /**
     * Deletes a plugin by id or name. A plugin that is already gone is not an error.
     *
     * @param idOrName the plugin's id (a UUID) or its name
     * @throws PluginInUseException when plugin instances still use it
     */
    public void delete(String idOrName) {
        async.deleteNow(idOrName);
    }

    @Override
    public String toString() {
        return "CustomPlugins{controlPlaneId=" + controlPlaneId() + "}";
    }
}
