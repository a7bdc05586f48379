package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * How the path key of a PUT combines with its body: a name in the path may be left out of the body (it is
 * filled in), but a body naming a different plugin, or an id differing from the path's id, is refused.
 */
final class UpsertPath {

    private UpsertPath() {
    }

    static Optional<FieldError> check(JsonNode body, String idOrName) {
        boolean byId = CustomPluginValidator.isUuid(idOrName);
        String field = byId ? "id" : "name";
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            return Optional.empty();
        }
        boolean same = byId ? value.textValue().equalsIgnoreCase(idOrName) : value.textValue().equals(idOrName);
        return same ? Optional.empty()
                : Optional.of(new FieldError(field, "must match the " + field + " in the path (\"" + idOrName
                        + "\")"));
    }

    /** The body, with the path's name filled in when the body has none. */
    static JsonNode withPathName(JsonNode body, String idOrName) {
        JsonNode name = body.get("name");
        if (CustomPluginValidator.isUuid(idOrName) || (name != null && !name.isNull())) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        return copy.put("name", idOrName);
    }
}
