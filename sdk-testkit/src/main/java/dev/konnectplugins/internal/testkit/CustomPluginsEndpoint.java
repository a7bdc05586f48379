package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** {@code /v2/control-planes/{id}/core-entities/custom-plugins[/{idOrName}]}: list, create, get, upsert, delete. */
final class CustomPluginsEndpoint {

    private static final int DEFAULT_SIZE = 100;
    private static final int MAX_SIZE = 1000;

    private final FakeState state;

    CustomPluginsEndpoint(FakeState state) {
        this.state = state;
    }

    HttpReply collection(KonnectRequest request, ControlPlaneState controlPlane) {
        return switch (request.method()) {
            case "GET" -> list(request, controlPlane);
            case "POST" -> create(request, controlPlane);
            default -> ErrorBodies.methodNotAllowed();
        };
    }

    HttpReply item(KonnectRequest request, ControlPlaneState controlPlane, String idOrName) {
        return switch (request.method()) {
            case "GET" -> controlPlane.locked(() -> find(controlPlane, idOrName))
                    .map(plugin -> HttpReply.json(200, Representations.customPlugin(plugin)))
                    .orElseGet(ErrorBodies::coreNotFound);
            case "PUT" -> upsert(request, controlPlane, idOrName);
            case "DELETE" -> controlPlane.locked(() -> delete(controlPlane, idOrName));
            case "PATCH" -> controlPlane.locked(() -> patch(controlPlane, idOrName));
            default -> ErrorBodies.methodNotAllowed();
        };
    }

    private HttpReply list(KonnectRequest request, ControlPlaneState controlPlane) {
        Optional<Integer> size = pageSize(request.query().first("size"));
        if (size.isEmpty()) {
            return invalid("size", "must be an integer between 1 and " + MAX_SIZE);
        }
        String offset = request.query().first("offset").orElse("");
        Optional<Long> after = offset.isEmpty() ? Optional.of(0L) : PageCursor.decode(offset);
        if (after.isEmpty()) {
            return invalid("offset", "invalid offset");
        }
        String tags = request.query().first("tags").orElse("");
        Optional<Predicate<List<String>>> tagFilter = TagFilter.parse(tags);
        if (tagFilter.isEmpty()) {
            return invalid("tags", "invalid tags filter: use ',' (all of) or '/' (any of), not both");
        }
        CustomPluginStore.Page page = controlPlane.locked(() -> controlPlane.customPlugins()
                .page(after.get(), size.get(), plugin -> tagFilter.get().test(plugin.tags())));
        return HttpReply.json(200, pageBody(controlPlane, page, size.get(), tags));
    }

    private static Optional<Integer> pageSize(Optional<String> text) {
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.of(DEFAULT_SIZE);
        }
        try {
            int size = Integer.parseInt(text.get());
            return size >= 1 && size <= MAX_SIZE ? Optional.of(size) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ObjectNode pageBody(ControlPlaneState controlPlane, CustomPluginStore.Page page, int size,
                                       String tags) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        page.items().forEach(plugin -> data.add(Representations.customPlugin(plugin)));
        if (page.resumeAfter().isEmpty()) {
            // Kong's last page: "next" is null and there is no "offset" at all.
            return body.putNull("next");
        }
        String offset = PageCursor.encode(page.resumeAfter().get());
        return body.put("next", nextLink(controlPlane, offset, size, tags)).put("offset", offset);
    }

    private static String nextLink(ControlPlaneState controlPlane, String offset, int size, String tags) {
        String link = "/v2/control-planes/" + controlPlane.info().id() + "/core-entities/custom-plugins?offset="
                + offset + "&size=" + size;
        return tags.isEmpty() ? link : link + "&tags=" + URLEncoder.encode(tags, StandardCharsets.UTF_8);
    }

    private HttpReply create(KonnectRequest request, ControlPlaneState controlPlane) {
        Optional<JsonNode> body = objectBody(request);
        if (body.isEmpty()) {
            return ErrorBodies.malformedBody("expected a JSON object");
        }
        CustomPluginValidator.Validated validated = CustomPluginValidator.validate(body.get(), state.kongChecks());
        if (!validated.valid()) {
            return ErrorBodies.validation(validated.errors());
        }
        CustomPluginInput input = validated.input();
        return controlPlane.locked(() -> {
            if (input.id().flatMap(id -> controlPlane.customPlugins().byId(id)).isPresent()) {
                return ErrorBodies.uniqueViolation(state.duplicateNameStatus(), "id");
            }
            if (controlPlane.customPlugins().byName(input.name()).isPresent()) {
                return ErrorBodies.uniqueViolation(state.duplicateNameStatus(), "name");
            }
            String id = input.id().orElseGet(() -> UUID.randomUUID().toString());
            return HttpReply.json(201, Representations.customPlugin(store(controlPlane, id, input, now())));
        });
    }

    private HttpReply upsert(KonnectRequest request, ControlPlaneState controlPlane, String idOrName) {
        Optional<JsonNode> body = objectBody(request);
        if (body.isEmpty()) {
            return ErrorBodies.malformedBody("expected a JSON object");
        }
        Optional<FieldError> pathMismatch = UpsertPath.check(body.get(), idOrName);
        if (pathMismatch.isPresent()) {
            return ErrorBodies.validation(List.of(pathMismatch.get()));
        }
        CustomPluginValidator.Validated validated =
                CustomPluginValidator.validate(UpsertPath.withPathName(body.get(), idOrName), state.kongChecks());
        if (!validated.valid()) {
            return ErrorBodies.validation(validated.errors());
        }
        return controlPlane.locked(() -> upsertLocked(controlPlane, idOrName, validated.input()));
    }

    private HttpReply upsertLocked(ControlPlaneState controlPlane, String idOrName, CustomPluginInput input) {
        Optional<StoredCustomPlugin> existing = find(controlPlane, idOrName);
        Optional<HttpReply> refused = existing.flatMap(plugin -> inUse(controlPlane, plugin))
                .or(() -> conflict(controlPlane, input, existing));
        if (refused.isPresent()) {
            return refused.get();
        }
        String id = existing.map(StoredCustomPlugin::id)
                .or(() -> CustomPluginValidator.isUuid(idOrName) ? Optional.of(idOrName) : input.id())
                .orElseGet(() -> UUID.randomUUID().toString());
        long createdAt = existing.map(StoredCustomPlugin::createdAt).orElse(now());
        return HttpReply.json(200, Representations.customPlugin(store(controlPlane, id, input, createdAt)));
    }

    /** A different plugin already holding the body's name or id blocks the upsert. */
    private Optional<HttpReply> conflict(ControlPlaneState controlPlane, CustomPluginInput input,
                                         Optional<StoredCustomPlugin> existing) {
        Optional<String> ownId = existing.map(StoredCustomPlugin::id);
        Optional<StoredCustomPlugin> sameName = controlPlane.customPlugins().byName(input.name());
        if (sameName.isPresent() && !sameName.map(StoredCustomPlugin::id).equals(ownId)) {
            return Optional.of(ErrorBodies.uniqueViolation(state.duplicateNameStatus(), "name"));
        }
        boolean idTaken = existing.isEmpty()
                && input.id().flatMap(id -> controlPlane.customPlugins().byId(id)).isPresent();
        return idTaken ? Optional.of(ErrorBodies.uniqueViolation(state.duplicateNameStatus(), "id"))
                : Optional.empty();
    }

    private HttpReply delete(ControlPlaneState controlPlane, String idOrName) {
        Optional<StoredCustomPlugin> existing = find(controlPlane, idOrName);
        Optional<HttpReply> refused = existing.flatMap(plugin -> inUse(controlPlane, plugin));
        if (refused.isPresent()) {
            return refused.get();
        }
        existing.ifPresent(controlPlane.customPlugins()::remove);
        return HttpReply.noContent();
    }

    /**
     * Konnect documents no PATCH for custom plugins (405 here, a choice), but Kong checks references first and
     * refuses a PATCH of a plugin in use with the same code-19 answer as PUT and DELETE.
     */
    private static HttpReply patch(ControlPlaneState controlPlane, String idOrName) {
        return find(controlPlane, idOrName).flatMap(plugin -> inUse(controlPlane, plugin))
                .orElseGet(ErrorBodies::methodNotAllowed);
    }

    private static Optional<HttpReply> inUse(ControlPlaneState controlPlane, StoredCustomPlugin plugin) {
        return controlPlane.usingInstance(plugin.name()).map(instanceId -> ErrorBodies.referencedByOthers(
                "custom plugin \"" + plugin.name() + "\" is still referenced by plugins (id = \"" + instanceId
                        + "\")"));
    }

    /** Like Kong: a UUID-shaped key is an id, anything else is a name. */
    private static Optional<StoredCustomPlugin> find(ControlPlaneState controlPlane, String idOrName) {
        return CustomPluginValidator.isUuid(idOrName)
                ? controlPlane.customPlugins().byId(idOrName.toLowerCase(java.util.Locale.ROOT))
                : controlPlane.customPlugins().byName(idOrName);
    }

    private StoredCustomPlugin store(ControlPlaneState controlPlane, String id, CustomPluginInput input,
                                     long createdAt) {
        StoredCustomPlugin plugin = new StoredCustomPlugin(id.toLowerCase(java.util.Locale.ROOT), input.name(),
                input.handler(), input.schema(), input.tags(), createdAt, Math.max(createdAt, now()));
        controlPlane.customPlugins().save(plugin);
        return plugin;
    }

    private long now() {
        return state.clock().instant().getEpochSecond();
    }

    private static Optional<JsonNode> objectBody(KonnectRequest request) {
        return Json.parse(request.body()).filter(JsonNode::isObject);
    }

    private static HttpReply invalid(String field, String message) {
        return ErrorBodies.validation(List.of(new FieldError(field, message)));
    }
}
