package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.util.List;

/** Small plugins for the rule tests: a good handler and schema, and helpers to vary one of them. */
final class Plugins {
    static final String NAME = "my-plugin";

    static final String GOOD_HANDLER = """
            local MyHandler = {
              PRIORITY = 1000,
              VERSION = "1.0.0",
            }

            function MyHandler:access(conf)
              kong.service.request.set_header("X-Hello", conf.greeting)
            end

            return MyHandler
            """;

    static final String GOOD_SCHEMA = """
            local typedefs = require "kong.db.schema.typedefs"

            return {
              name = "my-plugin",
              fields = {
                { consumer = typedefs.no_consumer },
                { protocols = typedefs.protocols_http },
                { config = {
                    type = "record",
                    fields = {
                      { greeting = { type = "string", default = "hello" } },
                    },
                  },
                },
              },
            }
            """;

    static final PluginValidator VALIDATOR = PluginValidator.builder().build();

    static List<Diagnostic> handler(String handler) {
        return validate(NAME, handler, GOOD_SCHEMA);
    }

    static List<Diagnostic> schema(String schema) {
        return validate(NAME, GOOD_HANDLER, schema);
    }

    /** Validates a plugin; with {@code -Doracle.corpus=DIR} also writes it there for the Kong oracle (README). */
    static List<Diagnostic> validate(String name, String handler, String schema) {
        OracleCorpus.write(name, handler, schema);
        return VALIDATOR.validate(PluginSource.of(name, handler, schema)).diagnostics();
    }

    static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** Asserts an error of {@code rule} in {@code file} at {@code line}. */
    static void assertError(List<Diagnostic> diagnostics, String rule, String file, int line) {
        assertThat(diagnostics)
                .as("diagnostics %s", diagnostics)
                .anySatisfy(d -> {
                    assertThat(d.isError()).isTrue();
                    assertThat(d.rule()).isEqualTo(rule);
                    assertThat(d.file()).isEqualTo(file);
                    assertThat(d.line()).isEqualTo(line);
                });
    }

    /** Asserts no error at all. */
    static void assertNoErrors(List<Diagnostic> diagnostics) {
        assertThat(errors(diagnostics)).as("errors").isEmpty();
    }

    /** Asserts no error of {@code rule}. */
    static void assertNoError(List<Diagnostic> diagnostics, String rule) {
        assertThat(errors(diagnostics)).as("errors").noneMatch(d -> d.rule().equals(rule));
    }

    private Plugins() {
    }
}
