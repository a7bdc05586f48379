package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a custom-plugin body the way Konnect does: the request's shape as Konnect's schema states it (only the
 * spec's fields, additionalProperties: false; the three required strings; tags; timestamps; id), then, unless turned
 * off, Kong's checks of the custom_plugins entity through sdk-validation ({@link KongUploadChecks}). All failures are
 * collected, so one answer lists every problem, as Kong's schema validation does.
 */
final class CustomPluginValidator {

    private static final int MAX_TAG_LENGTH = 128;
    private static final Set<String> FIELDS =
            Set.of("id", "name", "handler", "schema", "tags", "created_at", "updated_at");

    private final JsonNode body;
    private final boolean kongChecks;
    private final List<FieldError> errors = new ArrayList<>();

    private CustomPluginValidator(JsonNode body, boolean kongChecks) {
        this.body = body;
        this.kongChecks = kongChecks;
    }

    /**
     * The validated input, or the list of field errors; {@code body} must be a JSON object. With {@code kongChecks},
     * the plugin also goes through Kong's checks of the custom_plugins entity.
     */
    static Validated validate(JsonNode body, boolean kongChecks) {
        CustomPluginValidator validator = new CustomPluginValidator(body, kongChecks);
        CustomPluginInput input = validator.run();
        return validator.errors.isEmpty() ? new Validated(input, List.of()) : new Validated(null, validator.errors);
    }

    private CustomPluginInput run() {
        rejectUnknownFields();
        String name = requiredString("name");
        String handler = requiredString("handler");
        String schema = requiredString("schema");
        if (kongChecks && !isEmpty(name) && handler != null && schema != null) {
            errors.addAll(KongUploadChecks.refusals(name, handler, schema));
        }
        checkTimestamp("created_at");
        checkTimestamp("updated_at");
        return new CustomPluginInput(optionalId(), name, handler, schema, tags());
    }

    private void rejectUnknownFields() {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "unknown field"));
            }
        }
    }

    private String requiredString(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "required field missing"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "expected a string"));
            return null;
        }
        if (value.textValue().isEmpty()) {
            errors.add(new FieldError(field, "length must be at least 1"));
        }
        return value.textValue();
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private void checkTimestamp(String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !value.canConvertToLong()) {
            errors.add(new FieldError(field, "expected an integer"));
        }
    }

    private Optional<String> optionalId() {
        JsonNode value = body.get("id");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual() && isUuid(value.textValue())) {
            return Optional.of(value.textValue().toLowerCase(java.util.Locale.ROOT));
        }
        errors.add(new FieldError("id", "expected a valid UUID"));
        return Optional.empty();
    }

    private List<String> tags() {
        JsonNode value = body.get("tags");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError("tags", "expected an array"));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            checkTag("tags[" + i + "]", value.get(i)).ifPresent(tags::add);
        }
        return tags;
    }

    private Optional<String> checkTag(String field, JsonNode tag) {
        if (!tag.isTextual()) {
            errors.add(new FieldError(field, "expected a string"));
            return Optional.empty();
        }
        String text = tag.textValue();
        if (text.isEmpty() || text.length() > MAX_TAG_LENGTH) {
            errors.add(new FieldError(field,
                    "length must be between 1 and " + MAX_TAG_LENGTH + ", but got " + text.length()));
        } else if (text.contains(",") || text.contains("/")) {
            // The list filter uses ',' and '/' as operators, so Kong forbids them inside a tag.
            errors.add(new FieldError(field, "must not contain ',' or '/'"));
        }
        return Optional.of(text);
    }

    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /**
     * The outcome: an input when {@code errors} is empty.
     *
     * @param input  the validated body, or null when invalid
     * @param errors every problem found
     */
    record Validated(CustomPluginInput input, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }
}
