package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import dev.konnectplugins.testkit.StoredPluginSchema;
import java.time.temporal.ChronoUnit;

/** The JSON each stored entity is served as, field for field as in the OpenAPI spec. */
final class Representations {

    private Representations() {
    }

    static ObjectNode customPlugin(StoredCustomPlugin plugin) {
        ObjectNode node = Json.object()
                .put("id", plugin.id())
                .put("name", plugin.name())
                .put("handler", plugin.handler())
                .put("schema", plugin.schema());
        if (!plugin.tags().isEmpty()) {
            ArrayNode tags = node.putArray("tags");
            plugin.tags().forEach(tags::add);
        }
        return node.put("created_at", plugin.createdAt()).put("updated_at", plugin.updatedAt());
    }

    static ObjectNode pluginSchema(StoredPluginSchema schema) {
        return Json.object()
                .put("name", schema.name())
                .put("lua_schema", schema.luaSchema())
                .put("created_at", schema.createdAt())
                .put("updated_at", schema.updatedAt());
    }

    /** A control plane with a plausible hybrid-mode config; timestamps are ISO strings here, unlike core entities. */
    static ObjectNode controlPlane(ControlPlaneInfo info) {
        String created = info.createdAt().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode node = Json.object()
                .put("id", info.id())
                .put("name", info.name())
                .put("description", "");
        node.putObject("labels");
        node.set("config", controlPlaneConfig(info));
        return node.put("created_at", created).put("updated_at", created);
    }

    private static ObjectNode controlPlaneConfig(ControlPlaneInfo info) {
        String host = info.id().replace("-", "").substring(0, 10);
        ObjectNode config = Json.object()
                .put("control_plane_endpoint", "https://" + host + ".us.cp0.konghq.com")
                .put("telemetry_endpoint", "https://" + host + ".us.tp0.konghq.com")
                .put("cluster_type", "CLUSTER_TYPE_CONTROL_PLANE")
                .put("auth_type", "pinned_client_certs")
                .put("cloud_gateway", true);
        config.putArray("proxy_urls");
        return config;
    }
}
