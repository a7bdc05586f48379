package dev.konnectplugins.testkit;

/**
 * A hybrid-mode plugin schema as the fake stores it, for inspection in tests.
 *
 * @param name      the plugin name the schema declares
 * @param luaSchema schema.lua text
 * @param createdAt creation time, epoch seconds
 * @param updatedAt last change, epoch seconds
 */
public record StoredPluginSchema(String name, String luaSchema, long createdAt, long updatedAt) {
}
