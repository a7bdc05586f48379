package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 8, evaluation fidelity: the top level of a plugin computes what LuaJIT 2.1 (Kong's runtime) computes. Each
 * expected value was checked with LuaJIT: the oracle (kong-oracle/run.sh) accepts a schema asserting all of them.
 */
class EvaluationFidelityTest {
    /** Asserts that {@code expression}, evaluated at the top of schema.lua, equals LuaJIT's {@code luajit}. */
    private static void assertLuaJit(String expression, String luajit) {
        String schema = "local value = " + expression + "\n"
                + "assert(value == " + luajit + ", \"got [\" .. tostring(value) .. \"]\")\n"
                + "return { name = \"my-plugin\", fields = { { config = { type = \"record\", fields = {} } } } }\n";
        assertThat(Plugins.schema(schema)).as(expression).isEmpty();
    }

    @Test
    void stringConcatenatedWithANumberInSchema() {
        assertThat(Plugins.schema("""
                local MAX = 10
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                      { n = { type = "integer", default = 1, description = "at most " .. MAX .. " entries allowed" } },
                    } } },
                  },
                }
                """)).isEmpty();
    }

    @Test
    void stringConcatenatedWithANumberInHandlerKeepsTheChecks() {
        var diagnostics = Plugins.handler("""
                local MAX = 10
                local description = "at most " .. MAX .. " entries"
                return { PRIORITY = "high", VERSION = "1.0.0" }
                """);
        Plugins.assertError(diagnostics, Rules.HANDLER_PRIORITY, "handler.lua", 3);
        assertThat(diagnostics).noneMatch(d -> d.message().contains("could not be evaluated"));
    }

    @Test
    void xpcallCallsItsHandler() {
        assertThat(Plugins.handler("""
                local _, version = xpcall(function() error("boom", 0) end, function(m) return "1.0." .. #m end)
                return { PRIORITY = 1000, VERSION = version }
                """)).isEmpty();
        assertLuaJit("select(2, xpcall(function() error(\"boom\", 0) end, function(m) return \"handled:\" .. m end))",
                "\"handled:boom\"");
    }

    @Test
    void numbersAreWrittenAsLuaJitWritesThem() {
        assertLuaJit("tostring(2^53)", "\"9.007199254741e+15\"");
        assertLuaJit("1e15 .. \"\"", "\"1e+15\"");
        assertLuaJit("tostring(0.1) .. \"|\" .. 100 .. \"|\" .. 1/0", "\"0.1|100|inf\"");
        assertLuaJit("table.concat({1, 2.5, \"x\"}, \".\")", "\"1.2.5.x\"");
    }

    @Test
    void formatHexFloatsAndAnyValueAsString() {
        assertLuaJit("string.format(\"%a|%a|%A\", 1, 0.5, 255.5)", "\"0x1p+0|0x1p-1|0X1.FFP+7\"");
        assertLuaJit("string.format(\"%s %s %s\", nil, true, 1.5)", "\"nil true 1.5\"");
        assertLuaJit("string.format(\"%5.1f|%-5d|%+d|%x|%g|%g|%5.2s|\", 3.14159, 42, 5, 255, 1e20, 0.0001, \"abc\")",
                "\"  3.1|42   |+5|ff|1e+20|0.0001|   ab|\"");
        assertLuaJit("string.format(\"%q\", \"a\\0b\\n\\\"\\r1\")", "'\"a\\\\0b\\\\\\n\\\\\"\\\\0131\"'");
    }

    @Test
    void frontierPatterns() {
        assertLuaJit("(\"THE (quick) fox\"):match(\"%f[%a]%a+\", 5)", "\"quick\"");
        assertLuaJit("select(2, (\"hello world from lua\"):gsub(\"%f[%w]%w+\", \"\"))", "4");
    }

    @Test
    void tonumberReadsHexFloats() {
        assertLuaJit("tonumber(\"0x1p4\") .. \",\" .. tonumber(\"0x1.8p1\") .. \",\" .. tonumber(\"  0x10  \")",
                "\"16,3,16\"");
        assertLuaJit("tostring(tonumber(\"1e\")) .. tostring(tonumber(\"0x\"))", "\"nilnil\"");
    }

    @Test
    void repWithASeparator() {
        assertLuaJit("(\"x\"):rep(3, \",\")", "\"x,x,x\"");
        assertLuaJit("string.rep(\"ab\", 0, \",\")", "\"\"");
    }

    @Test
    void unicodeEscapes() {
        assertThat(Plugins.schema("""
                local a = "\\u{48}\\u{20AC}x\\u{10FFFF}|\\u{7FF}\\u{0041}"
                assert(a == "H\\226\\130\\172x\\244\\143\\191\\191|\\223\\191A", "got " .. a)
                local b = '\\\\u{41}' .. [[\\u{41}]] -- \\u{41} in a comment
                assert(b == "\\\\u{41}\\\\u{41}", "got " .. b)
                return { name = "my-\\u{70}lugin", fields = { { config = { type = "record", fields = {} } } } }
                """)).isEmpty();
    }

    /**
     * About seventy library calls (find, match, gsub, format, tostring, tonumber...), each asserting the values
     * LuaJIT 2.1 returned for it: the file is written by {@code luajit-parity-generator.lua} run in LuaJIT.
     */
    @Test
    void libraryCallsReturnWhatLuaJitReturns() throws Exception {
        String schema;
        try (var in = EvaluationFidelityTest.class.getResourceAsStream("/luajit-parity/schema.lua")) {
            schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(schema.lines().filter(line -> line.startsWith("do local got"))).hasSizeGreaterThan(60);
        assertThat(Plugins.schema(schema)).isEmpty();
    }

    @Test
    void computedVersionAndName() {
        assertThat(Plugins.handler("""
                return { PRIORITY = 1000, VERSION = string.format("%d.%d.%s", 1, 2.0, 3) }
                """)).isEmpty();
        assertThat(Plugins.schema("""
                return { name = string.format("%s-%s", "my", "plugin"),
                         fields = { { config = { type = "record", fields = {} } } } }
                """)).isEmpty();
    }

    @Test
    void aFunctionWithExactlyTwoHundredLocalsCompilesAsInLuaJit() {
        // LuaJIT's LJ_MAX_LOCVAR is 200; luaj's compiler stops at 199 (and failed with a NullPointerException).
        String locals = "local " + java.util.stream.IntStream.range(0, 200).mapToObj(i -> "a" + i)
                .collect(java.util.stream.Collectors.joining(", ")) + " = 1";
        assertThat(Plugins.handler("local function f()\n" + locals + "\nreturn a0\nend\n"
                + "return { PRIORITY = 1000, VERSION = \"1.0.0\" }"))
                .noneMatch(d -> d.isError() && d.message().contains("compile"));
    }

    @Test
    void kongVersionIsKongMetasVersion() {
        assertThat(Plugins.handler("""
                local meta = require("kong.meta")
                assert(kong.version == meta.version and kong.version == "3.10.0.0")
                assert(kong.version_num == 30010000)
                return { PRIORITY = 1000, VERSION = meta.core_version }
                """)).isEmpty();
    }
}
