package dev.konnectplugins;

import dev.konnectplugins.model.PluginSchema;
import java.util.Optional;

/**
 * The hybrid-mode custom plugin schemas of one control plane
 * ({@code /v2/control-planes/{id}/core-entities/plugin-schemas}): only the schema is uploaded, the plugin's code
 * is deployed on every data plane by you. Thread-safe; blocking. {@link #async()} gives the same without blocking.
 */
public final class PluginSchemas {
    private final PluginSchemasAsync async;

    PluginSchemas(PluginSchemasAsync async) {
        this.async = async;
    }

    /**
     * The same operations, returning {@link java.util.concurrent.CompletableFuture}s.
     *
     * @return the asynchronous view of the same schemas
     */
    public PluginSchemasAsync async() {
        return async;
    }

    /**
     * Uploads a schema (POST); Konnect takes the plugin name from the schema.
     *
     * @param luaSchema the text of the plugin's {@code schema.lua}
     * @return the schema as Konnect stored it
     * @throws ConflictException when a schema for that plugin exists; use {@link #upsert} to replace it
     */
    public PluginSchema create(String luaSchema) {
        return async.createNow(luaSchema);
    }

    /**
     * Reads the schema of plugin {@code name}.
     *
     * @param name the plugin's name
     * @return the schema
     * @throws NotFoundException when there is none
     */
    public PluginSchema get(String name) {
        return async.getNow(name);
    }

    /**
     * Reads the schema of plugin {@code name}; empty when there is none.
     *
     * @param name the plugin's name
     * @return the schema, or empty
     */
    public Optional<PluginSchema> find(String name) {
        return async.findNow(name);
    }

    /**
     * Every schema, fetched lazily.
     *
     * @return the schemas; each page is requested when iteration reaches it
     */
    public PagedIterable<PluginSchema> list() {
        return async.listNow();
    }

    /**
     * Creates or replaces the schema of plugin {@code name} (PUT).
     *
     * @param name the plugin's name; it must match the name in the schema
     * @param luaSchema the text of the plugin's {@code schema.lua}
     * @return the schema as Konnect stored it
     */
    public PluginSchema upsert(String name, String luaSchema) {
        return async.upsertNow(name, luaSchema);
    }

    /**
     * Deletes the schema of plugin {@code name}; one that is already gone is not an error.
     *
     * @param name the plugin's name
     * @throws PluginInUseException when plugin instances still use it
     */
    public void delete(String name) {
        async.deleteNow(name);
    }
}
