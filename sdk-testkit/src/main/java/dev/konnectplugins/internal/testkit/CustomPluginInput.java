package dev.konnectplugins.internal.testkit;

import java.util.List;
import java.util.Optional;

/**
 * A validated custom-plugin request body.
 *
 * @param id      the id the client chose, if any
 * @param name    plugin name
 * @param handler handler.lua text
 * @param schema  schema.lua text
 * @param tags    tags, empty when none were sent
 */
record CustomPluginInput(Optional<String> id, String name, String handler, String schema, List<String> tags) {
}
