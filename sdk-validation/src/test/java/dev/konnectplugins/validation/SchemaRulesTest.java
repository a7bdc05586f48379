package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaCheckTest {
    private static String withConfigFields(String fields) {
        return "return { name = \"my-plugin\", fields = { { config = { type = \"record\", fields = {\n"
                + fields + "\n} } } } }\n";
    }

    private static void assertSchemaError(List<Diagnostic> d) {
        assertThat(d).as("diagnostics %s", d).anyMatch(x -> x.isError() && x.rule().equals(Rules.SCHEMA_SHAPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "return 1",
        "return { fields = { { config = { type = \"record\", fields = {} } } } }",
        "return { name = 42, fields = { { config = { type = \"record\", fields = {} } } } }",
        "return { name = \"my-plugin\" }",
        "return { name = \"my-plugin\", fields = { config = { type = \"record\", fields = {} } } }",
        "return { name = \"my-plugin\", fields = { { config = { type = \"string\" } } } }",
        "return { name = \"my-plugin\", fields = { { config = { type = \"record\", fields = {} } }, { foo = { type = \"string\" } } } }",
    })
    void schemaShapeErrors(String source) {
        assertSchemaError(schema(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "return { name = \"my-plugin\", fields = { { protocols = { type = \"set\", elements = { type = \"string\" } } } } }",
        "return { name = \"my-plugin\", fields = {} }"})
    void aSchemaWithoutConfigIsOnlyAWarning(String source) {
        // The plugins entity's config is abstract and not required: the Kong oracle uploads and loads these.
        List<Diagnostic> d = schema(source);
        assertThat(d).anySatisfy(w -> assertThat(w.message()).contains("no 'config' field"));
        assertThat(d).noneMatch(Diagnostic::isError);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ a = { type = \"strng\" } }",
        "{ a = { required = true } }",
        "{ a = { type = \"record\" } }",
        "{ a = { type = \"array\", elements = { type = \"nope\" } } }",
        "{ a = { type = \"integer\", default = \"10\" } }",
        "{ a = { type = \"string\", required = \"yes\" } }",
        "{ a = { type = \"string\" }, b = { type = \"string\" } }",
        "{}",
        // Kong validates a default under pcall; these validators raise on a number or a boolean:
        // "error in schema prevents from validating this field".
        "{ a = { type = \"integer\", contains = \"x\", default = 10 } }",
        "{ a = { type = \"boolean\", mutually_exclusive_subsets = {}, default = true } }",
        // ... and an array, set or map without elements, keys or values cannot take a default, even {}.
        "{ a = { type = \"array\", default = {} } }",
        "{ a = { type = \"set\", len_min = 0, default = { 1, 2 } } }",
        "{ a = { type = \"map\", keys = { type = \"string\" }, default = {} } }",
    })
    void metaschemaErrors(String field) {
        assertSchemaError(schema(withConfigFields(field)));
    }

    /**
     * The restricted metaschema of streamed plugins never runs MetaSubSchema's per-type rules (its check function):
     * the Kong oracle accepts these uploads, and a node loads them. (They used to be errors here.)
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{ a = { type = \"array\" } }",
        "{ a = { type = \"map\", keys = { type = \"string\" } } }",
        "{ a = { type = \"string\", between = { 1, 2 } } }",
        "{ a = { type = \"integer\", match = \"^x$\" } }",
        "{ a = { type = \"boolean\", one_of = { true } } }",
        "{ a = { type = \"boolean\", unique = true } }",
    })
    void perTypeAttributeRulesAreNotApplied(String field) {
        Plugins.assertNoErrors(schema(withConfigFields(field)));
    }

    @Test
    void realWorldSchemasPass() {
        assertNoErrors(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                local PLUGIN_NAME = "my-plugin"
                local function validate_pattern(value)
                  if not value:match("^[%w%-]+$") then
                    return nil, "bad value: " .. value
                  end
                  return true
                end
                local schema = {
                  name = PLUGIN_NAME,
                  fields = {
                    { consumer = typedefs.no_consumer },
                    { route = typedefs.no_route },
                    { protocols = typedefs.protocols_http },
                    { config = {
                        type = "record",
                        fields = {
                          { header = typedefs.header_name { required = true, default = "X-Id" } },
                          { upstream = typedefs.url { required = false } },
                          { port = typedefs.port { default = 8080 } },
                          { timeout = typedefs.timeout { default = 1000 } },
                          { methods = { type = "array", default = { "GET" },
                                        elements = { type = "string", one_of = { "GET", "POST" } } } },
                          { headers = { type = "map", keys = { type = "string" }, values = { type = "string" } } },
                          { limits = { type = "record", required = true, fields = {
                              { second = { type = "number", gt = 0 } },
                              { minute = { type = "integer", between = { 1, 60 } } },
                          } } },
                          { pattern = { type = "string", custom_validator = validate_pattern, len_min = 1 } },
                          { anonymous = { type = "string", uuid = true, description = "An anonymous consumer id." } },
                          { enabled = { type = "boolean", default = true, required = true } },
                          { tags = typedefs.tags },
                          { queue = typedefs.queue },
                          { secret = { type = "string", encrypted = true, referenceable = true } },
                        },
                        entity_checks = {
                          { at_least_one_of = { "header", "upstream" } },
                          { conditional = { if_field = "enabled", if_match = { eq = true },
                                            then_field = "header", then_match = { required = true } } },
                        },
                        shorthand_fields = {
                          { old_header = { type = "string", func = function(v) return { header = v } end } },
                        },
                      },
                    },
                  },
                }
                return schema
                """));
    }

    @Test
    void unknownTypedefFailsTheLoadLikeKong() {
        // kong/db/schema/typedefs.lua ends with setmetatable(typedefs, { __index = function(_, k)
        // error("schema typedef error: definition " .. k .. " does not exist", 2) end }): Kong refuses this schema.
        assertError(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return { name = "my-plugin", fields = {
                  { config = { type = "record", fields = { { a = typedefs.some_future_typedef } } } } } }
                """), Rules.SCHEMA_SHAPE, "schema.lua", 3);
    }
}
