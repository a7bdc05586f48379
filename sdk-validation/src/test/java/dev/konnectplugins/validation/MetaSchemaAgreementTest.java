package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.errors;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metaschema of streamed plugins (RestrictedMetaSubSchema) as the Kong oracle applies it: each refused case
 * names the text of Kong's per-field error that the validator's message must carry.
 */
class MetaSchemaAgreementTest {

    private static String withField(String field) {
        return """
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { protocols = typedefs.protocols_http },
                    { config = { type = "record", fields = {
                      %s
                    } } },
                  },
                }
                """.formatted(field);
    }

    private static String withTopLevel(String extra) {
        return """
                return {
                  name = "my-plugin",
                  fields = { { config = { type = "record", fields = { { a = { type = "string" } } } } } },
                  %s
                }
                """.formatted(extra);
    }

    private static void assertRefused(List<Diagnostic> d, String kongText) {
        assertThat(errors(d)).as("errors").anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo(Rules.SCHEMA_SHAPE);
            assertThat(e.message()).contains(kongText);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ a = { type = 'string', default = '' } }                                    | length must be at least 1",
        "{ a = { type = 'string', one_of = { 'x', 'y' }, default = 'z' } }            | expected one of: x, y",
        "{ a = { type = 'integer', between = { 1, 5 }, default = 9 } }                | value should be between 1 and 5",
        "{ a = { type = 'string', match = '^x', default = 'y' } }                     | invalid value: y",
        "{ a = { type = 'string', uuid = true, default = 'nope' } }                   | expected a valid UUID",
        "{ a = { type = 'array', elements = { type = 'integer' }, default = { 'x' } } } | expected an integer",
        "{ a = { type = 'number', default = '1' } }                                   | expected a number",
        "{ a = { type = 'record', fields = { { b = { type = 'integer' } } }, default = { b = 'x' } } } | b: expected an integer",
        "{ a = { type = 'map', keys = { type = 'string' }, values = { type = 'integer' }, default = { k = 'v' } } } | expected an integer",
        "{ a = { type = 'number', timestamp = true, default = -1 } }                  | expected a valid timestamp",
        "{ a = { type = 'string', len_max = 2, default = 'abc' } }                    | length must be at most 2",
        "{ a = { type = 'string', starts_with = '/', default = 'x' } }                | should start with: /",
        "{ a = { type = 'integer', gt = 5, default = 5 } }                            | value must be greater than 5",
        "{ a = { type = 'boolean', len_min = 0, default = true } }                    | error in schema prevents from validating",
        "{ a = { type = 'boolean', abstract = true, default = true } }                | abstract field was not specialized",
        "{ a = typedefs.no_route { default = 'x' } }                                 | value must be null",
        "{ a = typedefs.header_name { default = 'X Foo' } }                           | bad header name 'X Foo'",
        "{ a = typedefs.tag { default = 'a/b' } }                                     | invalid tag 'a/b'",
        "{ a = typedefs.tags { default = { 'a,b' } } }                                | invalid tag 'a,b'",
        "{ a = typedefs.path { default = '/p%zz' } }                                  | invalid url-encoded value: '%zz'",
        "{ a = typedefs.path { default = '/p//q' } }                                  | must not have empty segments",
        "{ a = typedefs.name { default = 'a b' } }                                    | it must only contain alphanumeric",
        "{ a = typedefs.utf8_name { default = 'a/b' } }                               | the only accepted ascii characters",
        "{ a = typedefs.semantic_version { default = '1..2' } }                       | must not have empty version segments",
        "{ a = typedefs.queue { default = { max_batch_size = 0 } } }                  | max_batch_size: value should be between 1 and 1000000",
        "{ a = typedefs.propagation { default = { default_format = 'x' } } }          | default_format: expected one of",
        "{ a = typedefs.http_method { default = 'get' } }                             | invalid value: get",
        "{ a = { type = 'record', fields = { { b = { type = 'string' } }, { c = { type = 'string' } } }, entity_checks = { { conditional = { if_field = 'b', if_match = { eq = 'x' }, then_field = 'c', then_match = { requred = true } } } } } } | requred: unknown field",
        "{ a = { type = 'record', fields = { { b = { type = 'string' } } }, shorthand_fields = { { c = { type = 'string', translate_backwards = { 'b' }, func = function(v) return { b = v } end } } } } } | translate_backwards: unknown field",
        "{ a = { type = 'record', fields = { { b = { type = 'string' } } }, shorthand_fields = { { c = { type = 'record', fields = {}, func = function() end } } } } } | expected one of: string",
        "{ a = { type = 'string', deprecation = { message = 'gone' } } }              | removal_in_version: required field missing",
        "{ a = { type = 'array', elements = { type = 'string' }, mutually_exclusive_subsets = { { 'a' }, { 'b' } }, default = { 'a', 'b' } } } | these sets are mutually exclusive",
        "{ a = { type = 'record', fields = { { b = { type = 'string' } }, nil, { c = { type = 'string' } } } } } | expected an array",
    })
    void defaultsAreCheckedAgainstTheirOwnField(String field, String kongText) {
        assertRefused(schema(withField(field.replace('\'', '"'))), kongText);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ a = { type = 'string', one_of = 'a' } }                | expected an array",
        "{ a = { type = 'string', len_min = 1.5 } }               | expected an integer",
        "{ a = { type = 'string', match = 'x', err = 1 } }        | expected a string",
        "{ a = { type = 'string', match = 5 } }                   | expected a string",
        "{ a = { type = 'integer', between = { 1 } } }            | length must be 2",
        "{ a = { type = 'string', encrypted = 'yes' } }           | expected a boolean",
        "{ a = { type = 'string', description = 'short' } }       | description: length must be at least 10",
        "{ a = { type = 'string', legacy = true } }               | legacy: unknown field",
        "{ a = { type = 'string', nilable = true } }              | nilable: unknown field",
        "{ a = { type = 'string', func = 1 } }                    | func: unknown field",
        "{ a = { type = 'string', example = 'x' } }               | example: unknown field",
        "{ a = { type = 'string', translate_backwards = { 'x' } } } | translate_backwards: unknown field",
        "{ a = { type = 'string', shorthands = {} } }             | shorthands: unknown field",
    })
    void attributeValuesAndNamesAreChecked(String field, String kongText) {
        assertRefused(schema(withField(field.replace('\'', '"'))), kongText);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ a = { type = \"string\", prefix_ws = true } }",
        "{ a = { type = \"string\", db_export = false } }",
        "{ a = { type = \"string\", transient = true } }",
        "{ a = { type = \"string\", referenceable = true } }",
        "{ a = { type = \"string\", len_min = 0, default = \"\" } }",
        "{ a = { type = \"string\", one_of = { \"x\", \"y\" }, default = \"x\" } }",
        "{ a = { type = \"set\", elements = { type = \"string\" }, default = { \"a\", \"a\" } } }",
        "{ a = { type = \"record\", fields = { { b = { type = \"string\" } } }, "
                + "entity_checks = { { at_least_one_of = { \"b\" } } } } }",
        "{ a = typedefs.header_name { default = \"X-Foo_1\" } }",
        "{ a = typedefs.tags { default = { \"tag 1\", \"\\xc3\\xa4\" } } }",
        "{ a = typedefs.path { default = \"/a:b@c/%20\" } }",
        "{ a = typedefs.utf8_name { default = \"n\\xc3\\xa4me~1\" } }",
        "{ a = { type = \"string\", referenceable = true, len_min = 99, default = \"{vault://env/x}\" } }",
        "{ a = { type = \"array\", elements = { type = \"string\", referenceable = true }, "
                + "mutually_exclusive_subsets = { { \"a\" }, { \"b\" } }, default = { \"{vault://env/a}\" } } }",
        "{ a = typedefs.queue }",
        "{ a = typedefs.semantic_version { default = \"1.2.3\" } }",
    })
    void kongAcceptsThese(String field) {
        assertNoErrors(schema(withField(field)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "shorthand_fields = {},                                     | shorthand_fields: unknown field",
        "transformations = {},                                      | transformations: unknown field",
        "check = function() return true end,                        | check: unknown field",
        "supported_partials = { ['redis-ce'] = { 'config.redis' } }, | supported_partials: unknown field",
        "description = 'a description of the plugin',               | description: unknown field",
        "entity_checks = { { frobnicate = { 'config.a' } } },        | frobnicate: unknown field",
        "entity_checks = { { at_least_one_of = {} } },               | exactly one of these fields must be non-empty: 'conditional'",
    })
    void restrictedTopLevel(String extra, String kongText) {
        assertRefused(schema(withTopLevel(extra.replace('\'', '"'))), kongText);
    }

    @org.junit.jupiter.api.Test
    void callingATypedefFillsTheCallersTable() {
        // Kong's Schema.define: typedefs.x(t) writes the typedef's attributes into t and returns t itself
        assertNoErrors(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                local own = { default = "X-Foo" }
                local same = typedefs.header_name(own)
                assert(same == own and own.type == "string")
                return { name = "my-plugin", fields = { { config = { type = "record", fields = { { h = own } } } } } }
                """));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ consumer = { type = 'foreign', reference = 'nope' } }           | invalid foreign entity: nope",
        "{ protocols = { type = 'set', elements = { type = 'integer' } } }  | protocols: cannot change type",
        "{ tags = { type = 'set', elements = { type = 'integer' } } }       | tags: cannot change type",
        "{ protocols = { type = 'array', elements = { type = 'string' } } } | protocols: cannot change type",
        "{ consumer = { type = 'string' } }                                 | consumer: cannot change type",
        "{ header_name = { type = 'string' } }                              | header_name: cannot create a new field",
    })
    void topLevelFieldsKeepThePluginsEntityTypes(String field, String kongText) {
        String schema = """
                return {
                  name = "my-plugin",
                  fields = { %s, { config = { type = "record", fields = {} } } },
                }
                """.formatted(field.replace('\'', '"'));
        assertRefused(schema(schema), kongText);
    }
}
