package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.GOOD_HANDLER;
import static dev.konnectplugins.validation.Plugins.GOOD_SCHEMA;
import static dev.konnectplugins.validation.Plugins.VALIDATOR;
import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.handler;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxAndNameCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {
        // (1LL + 3i would fail at run time in LuaJIT: int64 and complex cdata do not mix; not modelled.)
        "local x = 1LL + 0xFFULL + 2ull\nlocal z = 3i",
        "local mask = 0b1010",
        "goto done\n::done::",
        "local s = \"\\x41\\z\n   \\u{20AC}\"",
        "local f = 0x1p4 + 0xA.8",
        "local a = 1;;",
        "for i = 1, 2 do break; local y = i end",
        "local café = 1",
        "local s = [==[ ]] ]==]",
    })
    void luaJitDialectIsAccepted(String line) {
        assertNoErrors(handler(line + "\n" + GOOD_HANDLER));
    }

    @Test
    void byteOrderMarkAndShebangAreAccepted() {
        assertNoErrors(handler("\uFEFF" + GOOD_HANDLER));
        assertNoErrors(handler("#!/usr/bin/env luajit\n" + GOOD_HANDLER));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "local x = 3x",
        "local x = 0b102",
        "local x = 1.5LL",
        "local s = \"\\256\"",
        "local s = \"\\q\"",
        "local s = \"unfinished",
        "local x = 1 & 2",
        "local goto = 1",
        "local x <const> = 1",
        "if x then",
        "break",
        "goto nowhere",
        "local function f() return ... end",
        "x = = 1",
    })
    void whatLuaJitRefusesIsASyntaxError(String line) {
        List<Diagnostic> d = handler("local a = 1\n" + line + "\n" + GOOD_HANDLER);
        assertThat(d).as("diagnostics %s", d).anyMatch(x -> x.isError() && x.rule().equals(Rules.LUA_SYNTAX));
    }

    @Test
    void syntaxErrorPointsAtTheToken() {
        List<Diagnostic> d = handler("local H = {\n  PRIORITY = 1\n  VERSION = \"1.0.0\",\n}\nreturn H\n");
        assertError(d, Rules.LUA_SYNTAX, "handler.lua", 3);
    }

    @Test
    void deepNestingIsASyntaxErrorNotACrash() {
        String deep = "local x = " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertError(handler(deep + "\n" + GOOD_HANDLER), Rules.LUA_SYNTAX, "handler.lua", 1);
        String tables = "local x = " + "{".repeat(300) + "}".repeat(300);
        assertError(handler(tables + "\n" + GOOD_HANDLER), Rules.LUA_SYNTAX, "handler.lua", 1);
        String blocks = "do ".repeat(300) + "end ".repeat(300);
        assertError(handler(blocks + "\n" + GOOD_HANDLER), Rules.LUA_SYNTAX, "handler.lua", 1);
    }

    @Test
    void moderateNestingPasses() {
        assertNoErrors(handler("local x = " + "(".repeat(100) + "1" + ")".repeat(100) + "\n" + GOOD_HANDLER));
    }

    @Test
    void longExpressionsAreHandled() {
        // Handled quickly, and refused rather than passed unanalysed (issue 9: no blind spots).
        String sum = "local x = 1" + " + 1".repeat(20_000);
        List<Diagnostic> d = handler(sum + "\n" + GOOD_HANDLER);
        assertThat(Plugins.errors(d)).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo(Rules.LUA_COMPLEXITY));
    }

    @Test
    void nameMustEqualTheSchemaName() {
        List<Diagnostic> d = Plugins.validate("other-name", GOOD_HANDLER, GOOD_SCHEMA);
        assertError(d, Rules.NAME_MISMATCH, "schema.lua", 4);
    }

    @Test
    void computedSchemaNameIsEvaluated() {
        String computed = GOOD_SCHEMA.replace("name = \"my-plugin\"", "name = (\"my\") .. \"-\" .. string.lower(\"PLUGIN\")");
        assertNoErrors(schema(computed));
        String wrong = GOOD_SCHEMA.replace("name = \"my-plugin\"", "name = \"my-\" .. \"plugin2\"");
        assertError(schema(wrong), Rules.NAME_MISMATCH, "schema.lua", 4);
        String viaLocal = "local PLUGIN_NAME = \"my-plugin\"\n" + GOOD_SCHEMA.replace("name = \"my-plugin\"", "name = PLUGIN_NAME");
        assertNoErrors(schema(viaLocal));
    }

    @Test
    void nameReadFromAStandInIsAWarning() {
        // The values of Kong Enterprise's Redis v2 schema module are stand-ins here: what is read from them is
        // unknown (a documented difference: Kong reads "127.0.0.1" and refuses the name).
        String unknown = GOOD_SCHEMA.replace("name = \"my-plugin\"",
                "name = require(\"kong.enterprise_edition.tools.redis.v2.schema\").fields[1].host.default");
        List<Diagnostic> d = schema(unknown);
        assertThat(d).anyMatch(x -> x.rule().equals(Rules.NAME_UNRESOLVED) && !x.isError());
        assertNoErrors(d);
    }

    @Test
    void nameReadFromTheRedisSchemaModuleIsKnown() {
        // kong.tools.redis.schema is modelled key for key: plugin_name is nil, so Kong says "missing name".
        String missing = GOOD_SCHEMA.replace("name = \"my-plugin\"", "name = require(\"kong.tools.redis.schema\").plugin_name");
        assertError(schema(missing), Rules.SCHEMA_SHAPE, "schema.lua", 4);
        // The Redis v2 modules have their exact keys too.
        String v2 = GOOD_SCHEMA.replace("name = \"my-plugin\"",
                "name = require(\"kong.enterprise_edition.tools.redis.v2.schema\").plugin_name");
        assertError(schema(v2), Rules.SCHEMA_SHAPE, "schema.lua", 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"My-Plugin", "my_plugin", "a", "1plugin", "plugin-", "-plugin", "my plugin"})
    void badNameFormats(String name) {
        String schema = GOOD_SCHEMA.replace("\"my-plugin\"", "\"" + name + "\"");
        List<Diagnostic> d = Plugins.validate(name, GOOD_HANDLER, schema);
        assertThat(d).anyMatch(x -> x.isError() && x.rule().equals(Rules.NAME_FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "my-plugin-2", "x9", "acme-rate-limiting", "request-transformer-v2"})
    void goodNamesPass(String name) {
        String schema = GOOD_SCHEMA.replace("\"my-plugin\"", "\"" + name + "\"");
        assertNoErrors(Plugins.validate(name, GOOD_HANDLER, schema));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate-limiting", "cors", "openid-connect", "ai-proxy-advanced", "acme"})
    void reservedNames(String name) {
        String schema = GOOD_SCHEMA.replace("\"my-plugin\"", "\"" + name + "\"");
        List<Diagnostic> d = Plugins.validate(name, GOOD_HANDLER, schema);
        assertThat(d).anyMatch(x -> x.isError() && x.rule().equals(Rules.NAME_RESERVED));
    }
}
