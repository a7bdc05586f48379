package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.validation.PluginValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.testkit.StoredPluginSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v2/control-planes/{id}/core-entities/plugin-schemas[/{name}]}: the older hybrid-mode API, with its
 * own shapes: {@code {item}} and {@code {items,page}} bodies, legacy {@code {message}} errors, and a 409 for
 * a duplicate.
 */
final class PluginSchemasEndpoint {

    private static final int DEFAULT_SIZE = 100;
    private static final int MAX_SIZE = 1000;

    private final FakeState state;

    PluginSchemasEndpoint(FakeState state) {
        this.state = state;
    }

    HttpReply collection(KonnectRequest request, ControlPlaneState controlPlane) {
        return switch (request.method()) {
            case "GET" -> list(request, controlPlane);
            case "POST" -> create(request, controlPlane);
            default -> ErrorBodies.methodNotAllowed();
        };
    }

    HttpReply item(KonnectRequest request, ControlPlaneState controlPlane, String name) {
        return switch (request.method()) {
            case "GET" -> controlPlane.locked(() -> Optional.ofNullable(controlPlane.pluginSchemas().get(name)))
                    .map(schema -> item(200, schema))
                    .orElseGet(PluginSchemasEndpoint::notFound);
            case "PUT" -> upsert(request, controlPlane, name);
            case "DELETE" -> controlPlane.locked(() -> delete(controlPlane, name));
            default -> ErrorBodies.methodNotAllowed();
        };
    }

    private HttpReply list(KonnectRequest request, ControlPlaneState controlPlane) {
        Optional<String> sizeText = request.query().first("page[size]");
        Optional<Integer> size = sizeText.map(PluginSchemasEndpoint::pageSize).orElse(Optional.of(DEFAULT_SIZE));
        if (size.isEmpty()) {
            return ErrorBodies.problemBadRequest("page[size]", "must be an integer between 1 and " + MAX_SIZE);
        }
        Optional<String> after = request.query().first("page[after]").filter(text -> !text.isEmpty());
        return controlPlane.locked(() -> {
            List<StoredPluginSchema> all = new ArrayList<>(controlPlane.pluginSchemas().values());
            int start = after.map(name -> indexOf(all, name) + 1).orElse(0);
            if (start < 0) {
                return ErrorBodies.problemBadRequest("page[after]", "no plugin schema is named " + after.get());
            }
            return HttpReply.json(200, listBody(all, start, size.get()));
        });
    }

    private static int indexOf(List<StoredPluginSchema> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        // Callers add one, so an unknown cursor comes out negative.
        return -2;
    }

    private static Optional<Integer> pageSize(String text) {
        try {
            int size = Integer.parseInt(text);
            return size >= 1 && size <= MAX_SIZE ? Optional.of(size) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ObjectNode listBody(List<StoredPluginSchema> all, int start, int size) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(start).limit(size).forEach(schema -> items.add(Representations.pluginSchema(schema)));
        body.putObject("page").put("total_count", all.size());
        return body;
    }

    private HttpReply create(KonnectRequest request, ControlPlaneState controlPlane) {
        ParsedSchema parsed = ParsedSchema.from(request);
        if (parsed.error().isPresent()) {
            return parsed.error().get();
        }
        String name = parsed.name();
        return controlPlane.locked(() -> {
            Map<String, StoredPluginSchema> schemas = controlPlane.pluginSchemas();
            if (schemas.containsKey(name)) {
                return ErrorBodies.legacy(409, "Conflict");
            }
            long now = now();
            StoredPluginSchema schema = new StoredPluginSchema(name, parsed.luaSchema(), now, now);
            schemas.put(name, schema);
            return item(201, schema);
        });
    }

    private HttpReply upsert(KonnectRequest request, ControlPlaneState controlPlane, String name) {
        ParsedSchema parsed = ParsedSchema.from(request);
        if (parsed.error().isPresent()) {
            return parsed.error().get();
        }
        if (!parsed.name().equals(name)) {
            return ErrorBodies.legacy(400, "the name in lua_schema (\"" + parsed.name()
                    + "\") must match the name in the path (\"" + name + "\")");
        }
        return controlPlane.locked(() -> {
            long now = now();
            long createdAt = Optional.ofNullable(controlPlane.pluginSchemas().get(name))
                    .map(StoredPluginSchema::createdAt).orElse(now);
            StoredPluginSchema schema = new StoredPluginSchema(name, parsed.luaSchema(), createdAt, now);
            controlPlane.pluginSchemas().put(name, schema);
            return item(200, schema);
        });
    }

    private static HttpReply delete(ControlPlaneState controlPlane, String name) {
        if (!controlPlane.pluginSchemas().containsKey(name)) {
            return notFound();
        }
        if (controlPlane.usingInstance(name).isPresent()) {
            return ErrorBodies.referencedByOthers("plugin schema is currently in use");
        }
        controlPlane.pluginSchemas().remove(name);
        return HttpReply.noContent();
    }

    private static HttpReply item(int status, StoredPluginSchema schema) {
        ObjectNode body = Json.object();
        body.set("item", Representations.pluginSchema(schema));
        return HttpReply.json(status, body);
    }

    private static HttpReply notFound() {
        return ErrorBodies.legacy(404, "Not Found");
    }

    private long now() {
        return state.clock().instant().getEpochSecond();
    }

    /**
     * A plugin-schema request body, read and checked.
     *
     * @param luaSchema the schema text
     * @param name      the name it declares
     * @param error     the 400 to answer instead, when the body is unusable
     */
    private record ParsedSchema(String luaSchema, String name, Optional<HttpReply> error) {

        static ParsedSchema from(KonnectRequest request) {
            Optional<JsonNode> body = Json.parse(request.body()).filter(JsonNode::isObject);
            if (body.isEmpty()) {
                return failed("request body must be a JSON object");
            }
            JsonNode luaSchema = body.get().get("lua_schema");
            if (luaSchema == null || !luaSchema.isTextual() || luaSchema.textValue().isBlank()) {
                return failed("lua_schema is required and must be a string");
            }
            return PluginValidator.schemaName(luaSchema.textValue())
                    .map(found -> new ParsedSchema(luaSchema.textValue(), found, Optional.empty()))
                    .orElseGet(() -> failed("lua_schema must declare the plugin name (name = \"...\")"));
        }

        private static ParsedSchema failed(String message) {
            return new ParsedSchema(null, null, Optional.of(ErrorBodies.legacy(400, message)));
        }
    }
}
