package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v2/control-planes/{id}/core-entities/plugins}: the plugin instances, read-only, with {@code size},
 * {@code offset} and {@code filter[name][eq]}. Instances are added through {@code FakeKonnect.addPluginInstance}
 * (choice: the fake does not create them over HTTP, since the SDK never does).
 */
final class PluginInstancesEndpoint {

    private static final int DEFAULT_SIZE = 100;
    private static final int MAX_SIZE = 1000;

    HttpReply collection(KonnectRequest request, ControlPlaneState controlPlane) {
        if (!request.method().equals("GET")) {
            return ErrorBodies.methodNotAllowed();
        }
        Optional<Integer> size = pageSize(request.query().first("size").orElse(""));
        if (size.isEmpty()) {
            return ErrorBodies.validation(List.of(new FieldError("size", "must be an integer between 1 and "
                    + MAX_SIZE)));
        }
        String offset = request.query().first("offset").orElse("");
        Optional<Long> after = offset.isEmpty() ? Optional.of(0L) : PageCursor.decode(offset);
        if (after.isEmpty()) {
            return ErrorBodies.validation(List.of(new FieldError("offset", "invalid offset")));
        }
        Optional<String> name = request.query().first("filter[name][eq]");
        return controlPlane.locked(() -> HttpReply.json(200,
                page(controlPlane, after.get(), size.get(), name.orElse(null))));
    }

    private static ObjectNode page(ControlPlaneState controlPlane, long after, int size, String name) {
        List<PluginInstanceRecord> matching = controlPlane.pluginInstances().stream()
                .filter(instance -> instance.sequence() > after)
                .filter(instance -> name == null || instance.name().equals(name))
                .toList();
        List<PluginInstanceRecord> items = matching.subList(0, Math.min(size, matching.size()));
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        items.forEach(instance -> data.add(representation(instance)));
        if (matching.size() <= size) {
            return body.putNull("next");
        }
        String next = PageCursor.encode(items.get(items.size() - 1).sequence());
        String link = "/v2/control-planes/" + controlPlane.info().id() + "/core-entities/plugins?offset=" + next
                + "&size=" + size + (name == null ? ""
                : "&filter%5Bname%5D%5Beq%5D=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        return body.put("next", link).put("offset", next);
    }

    /** The fields Konnect's Plugin entity always has; a global instance (no service, route or consumer). */
    private static ObjectNode representation(PluginInstanceRecord instance) {
        ObjectNode node = Json.object().put("id", instance.id()).put("name", instance.name()).put("enabled", true);
        node.putObject("config");
        node.putArray("protocols").add("grpc").add("grpcs").add("http").add("https");
        node.putNull("service");
        node.putNull("route");
        node.putNull("consumer");
        return node.put("created_at", instance.createdAt()).put("updated_at", instance.createdAt());
    }

    private static Optional<Integer> pageSize(String text) {
        if (text.isEmpty()) {
            return Optional.of(DEFAULT_SIZE);
        }
        try {
            int size = Integer.parseInt(text);
            return size >= 1 && size <= MAX_SIZE ? Optional.of(size) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
