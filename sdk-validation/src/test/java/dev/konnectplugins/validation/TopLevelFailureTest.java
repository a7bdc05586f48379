package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.errors;
import static dev.konnectplugins.validation.Plugins.handler;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 4: Kong names the top-level failure of a file ("handler load failure", "schema load failure")
 * whatever else is wrong with it, so the validator reports it with the other findings; and kong.version is
 * kong.meta.version, as kong/global.lua sets it.
 */
class TopLevelFailureTest {
    @Test
    void aTopLevelErrorIsReportedNextToAnInvalidVersion() {
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 1000, VERSION = "1.0.0.0.0" }
                error("not configured")
                return H
                """);
        assertError(d, Rules.HANDLER_VERSION, "handler.lua", 1);
        assertError(d, Rules.HANDLER_SHAPE, "handler.lua", 2);
    }

    @Test
    void aTopLevelErrorIsReportedNextToAForbiddenGlobalOnAnotherLine() {
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 1000, VERSION = "1.0.0" }
                function H:access(conf)
                  local f = io.open("/tmp/x")
                end
                assert(false, "boom")
                return H
                """);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 3);
        assertError(d, Rules.HANDLER_SHAPE, "handler.lua", 5);
    }

    @Test
    void aFailureAlreadyNamedOnItsLineIsNotRepeated() {
        List<Diagnostic> d = handler("""
                local f = io.open("/tmp/x")
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        assertThat(errors(d)).extracting(Diagnostic::rule).containsExactly(Rules.SANDBOX_GLOBAL);
    }

    @Test
    void aSchemaTopLevelErrorIsReportedNextToAnUnknownAttribute() {
        List<Diagnostic> d = schema("""
                local a = { type = "string", legacy = true }
                local fields = { { config = { type = "record", fields = { { a = a } } } } }
                local x = nil
                local y = x.field
                return { name = "my-plugin", fields = fields }
                """);
        assertError(d, Rules.SCHEMA_SHAPE, "schema.lua", 4);
    }

    @Test
    void kongVersionIsKongMetaVersion() {
        String handler = """
                local meta = require "kong.meta"
                assert(kong.version == meta.version, "kong.version " .. kong.version .. " ~= " .. meta.version)
                -- kong/global.lua: string.format("%d%.2d%.2d", major * 100, minor * 10, patch), as written there
                assert(kong.version_num == 30010000, "version_num " .. kong.version_num)
                return { PRIORITY = 1000, VERSION = meta.core_version }
                """;
        assertNoErrors(handler(handler));
    }
}
