package dev.konnectplugins.testkit;

import java.util.List;

/**
 * A custom plugin as the fake stores it, for inspection in tests.
 *
 * @param id        Konnect-style UUID
 * @param name      plugin name
 * @param handler   handler.lua text
 * @param schema    schema.lua text
 * @param tags      tags, empty when none were sent
 * @param createdAt creation time, epoch seconds
 * @param updatedAt last change, epoch seconds
 */
public record StoredCustomPlugin(String id, String name, String handler, String schema, List<String> tags,
                                 long createdAt, long updatedAt) {

    /**
     * Keeps an immutable copy of the tags.
     *
     * @param id Konnect-style UUID
     * @param name plugin name
     * @param handler handler.lua text
     * @param schema schema.lua text
     * @param tags tags, empty when none were sent
     * @param createdAt creation time, epoch seconds
     * @param updatedAt last change, epoch seconds
     */
    public StoredCustomPlugin {
        tags = List.copyOf(tags);
    }
}
