package dev.konnectplugins.internal.validation.checks;

/**
 * One plugin as the plugin-wide checks see it.
 *
 * @param uploadName the name the plugin is uploaded as
 * @param schema     what was learned about schema.lua, or null when there is none to read
 * @param handler    what was learned about handler.lua, or null when there is none to read
 */
public record PluginModel(String uploadName, FileAnalysis schema, FileAnalysis handler) {
}
