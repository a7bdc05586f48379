package dev.konnectplugins.internal.validation.schema;

import static dev.konnectplugins.internal.validation.schema.LuaTables.lua;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/**
 * The metaschema data file against the engine: every attribute the data declares for a field, an entity check or a
 * shorthand is one the engine enforces (a wrong value of it is refused), and the data names its Kong source.
 */
class MetaSchemaDataTest {
    private final SchemaData data = SchemaData.load(KongSchemas.METASCHEMA_RESOURCE, KongSchemas::function);

    private static String pluginWith(String attribute, String value) {
        return "{ name = 'p', fields = { { config = { type = 'record', fields = { { a = { type = 'string', "
                + attribute + " = " + value + " } } } } } } }";
    }

    /** A value of the wrong type for an attribute whose metaschema field is {@code definition}. */
    private static String wrongValue(JsonNode definition) {
        String type = definition.path("type").asText();
        return switch (type) {
            case "string", "integer", "number", "function", "array", "record" -> "true";
            case "boolean" -> "'yes'";
            case "self" -> "1";
            default -> null; // type "any": every value is of the type
        };
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(entry -> names.add(entry.fieldNames().next()));
        return names;
    }

    /** field_schema's attributes in kong/db/schema/metaschema.lua at f6b4167a (besides type and the recursive ones). */
    private static final Set<String> KONG_ATTRIBUTES = Set.of("required", "reference", "description", "examples",
            "auto", "unique", "unique_across_ws", "on_delete", "default", "abstract", "generate_admin_api", "immutable",
            "err", "encrypted", "referenceable", "prefix_ws", "db_export", "indexed", "json_schema", "transient",
            "deprecation", "between", "eq", "ne", "gt", "len_eq", "len_min", "len_max", "match", "not_match",
            "match_all", "match_none", "match_any", "starts_with", "one_of", "not_one_of", "contains", "is_regex",
            "timestamp", "uuid", "custom_validator", "mutually_exclusive_subsets");

    @Test
    void declaresEveryAttributeOfKongsMetaschema() {
        JsonNode definitions = data.json().get("definitions");
        Set<String> declared = new LinkedHashSet<>(names(definitions.get("attributes")));
        declared.addAll(names(definitions.get("validators")));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(KONG_ATTRIBUTES);
        assertThat(names(definitions.get("recursive_attributes")))
                .containsExactly("elements", "keys", "values", "fields", "entity_checks", "shorthand_fields");
        assertThat(Validators.ORDER).containsExactlyInAnyOrderElementsOf(names(definitions.get("validators")));
    }

    @Test
    void namesItsKongSource() {
        assertThat(data.source()).contains("Kong/kong f6b4167a").contains("kong/db/schema/metaschema.lua");
    }

    @Test
    void everyFieldAttributeOfTheDataIsEnforced() {
        JsonNode definitions = data.json().get("definitions");
        List<JsonNode> entries = new ArrayList<>();
        definitions.get("attributes").forEach(entries::add);
        definitions.get("validators").forEach(entries::add);
        assertThat(entries).hasSizeGreaterThan(40);
        List<String> ignored = new ArrayList<>();
        for (JsonNode entry : entries) {
            String attribute = entry.fieldNames().next();
            JsonNode definition = entry.get(attribute);
            if (definition.has("$ref")) {
                definition = definitions.get(definition.get("$ref").asText());
            }
            String wrong = wrongValue(definition);
            if (wrong == null) {
                continue;
            }
            SchemaEngine.Outcome outcome = KongSchemas.engine(SchemaHooks.UNMETERED)
                    .validate(KongSchemas.restrictedMetaSchema(), lua(pluginWith(attribute, wrong)));
            if (outcome.valid()) {
                ignored.add(attribute);
            }
        }
        assertThat(ignored).as("attributes whose wrong value the engine accepts").isEmpty();
    }

    @Test
    void everyAttributeNotInTheDataIsUnknown() {
        SchemaEngine.Outcome outcome = KongSchemas.engine(SchemaHooks.UNMETERED)
                .validate(KongSchemas.restrictedMetaSchema(), lua(pluginWith("translate_backwards", "{ 'x' }")));
        assertThat(outcome.errors().toString()).isNotEmpty();
        assertThat(SchemaErrors.leaves(outcome.errors())).extracting(SchemaErrors.Leaf::message)
                .containsExactly("unknown field");
    }

    @Test
    void everyEntityCheckerOfTheDataIsKnownToTheEngine() {
        Set<String> declared = names(data.json().get("definitions").get("entity_checkers"));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(EntityCheckers.names());
        for (String checker : declared) {
            SchemaEngine.Outcome outcome = KongSchemas.engine(SchemaHooks.UNMETERED).validate(
                    KongSchemas.restrictedMetaSchema(), lua("{ name = 'p', fields = { { config = { type = 'record', "
                            + "fields = { { a = { type = 'string' } } } } } }, entity_checks = { { " + checker
                            + " = 'not a table' } } }"));
            assertThat(outcome.valid()).as(checker + " with a string argument").isFalse();
        }
    }

    @Test
    void shorthandFieldsNeedFuncAndASimpleType() {
        LuaValue plugin = lua("{ name = 'p', fields = { { config = { type = 'record', fields = { { a = { type = "
                + "'string' } } }, shorthand_fields = { { b = { type = 'record', fields = {} } } } } } } }");
        SchemaEngine.Outcome outcome = KongSchemas.engine(SchemaHooks.UNMETERED)
                .validate(KongSchemas.restrictedMetaSchema(), plugin);
        assertThat(SchemaErrors.leaves(outcome.errors())).extracting(SchemaErrors.Leaf::message)
                .contains("required field missing")
                .anySatisfy(m -> assertThat(m).startsWith("expected one of: string"));
    }

    @Test
    void recordValuedAttributesAreCheckedFieldByField() {
        LuaValue plugin = lua(pluginWith("deprecation", "{ message = 'm', replaced_with = { { path = {} } } }"));
        SchemaEngine.Outcome outcome = KongSchemas.engine(SchemaHooks.UNMETERED)
                .validate(KongSchemas.restrictedMetaSchema(), plugin);
        assertThat(SchemaErrors.leaves(outcome.errors())).extracting(SchemaErrors.Leaf::message)
                .containsExactlyInAnyOrder("required field missing", "length must be at least 1");
    }
}
