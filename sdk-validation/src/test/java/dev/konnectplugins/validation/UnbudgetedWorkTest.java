package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17, item 1: the work a plugin makes the validator do outside its Lua instructions (rule checks on the
 * schema's data, library functions) is charged to a budget before it is done, so each of these attacks ends within
 * the limits (each hung or exhausted the memory before). Timeouts prove "ends", they are not benchmarks.
 */
class UnbudgetedWorkTest {
    private static String schemaWithField(String prelude, String field) {
        return prelude + """
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                      { x = %s },
                    } } },
                  },
                }
                """.formatted(field);
    }

    private static void assertLimit(List<Diagnostic> diagnostics, String limit) {
        assertThat(diagnostics).as("diagnostics %s", diagnostics).anySatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.rule()).isEqualTo(Rules.VALIDATION_LIMIT);
            assertThat(d.file()).isEqualTo("schema.lua");
            assertThat(d.message()).contains(limit);
        });
    }

    @Test
    @Timeout(120)
    void aDefaultThatMakesItsOwnMatchPatternBacktrackStopsAtTheInstructionLimit() {
        // LuaJIT's matcher backtracks on this for longer than the universe's age; so did luaj's, unbudgeted.
        List<Diagnostic> diagnostics = Plugins.schema(schemaWithField("", """
                { type = "string", default = ("a"):rep(40), match = ("a*"):rep(40) .. "b" }"""));
        assertLimit(diagnostics, "Lua instructions");
    }

    @Test
    @Timeout(120)
    void anArrayDefaultCheckedAgainstAOneOfOfMillionsStopsAtTheInstructionLimit() {
        // Two million elements, each looked up in two million values: 4 * 10^12 comparisons unbudgeted.
        List<Diagnostic> diagnostics = Plugins.schema(schemaWithField("""
                local values = {}
                for i = 1, 2000000 do values[i] = "v" .. i end
                """, """
                { type = "array", elements = { type = "string", one_of = values }, default = values }"""));
        assertLimit(diagnostics, "Lua instructions");
    }

    @Test
    @Timeout(120)
    void aOneOfOfMillionsIsQuotedCutInTheMessage() {
        List<Diagnostic> diagnostics = Plugins.schema(schemaWithField("""
                local values = {}
                for i = 1, 1000000 do values[i] = "v" .. i end
                """, """
                { type = "string", one_of = values, default = "none of them" }"""));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.rule()).isEqualTo(Rules.SCHEMA_SHAPE);
            assertThat(d.message()).contains("expected one of: v1, v2, v3").contains("(1000000 values)")
                    .hasSizeLessThan(2_100);
        });
    }

    @Test
    @Timeout(60)
    void tonumberOfAHugeDigitStringIsReadInOnePassAsLuaJitDoes() {
        // LuaJIT: tonumber of 200,000 digits is inf (in 0.2 ms), with a fraction and exponent too; a trailing
        // letter makes it nil. Kong accepts the plugin.
        List<Diagnostic> diagnostics = Plugins.handler("""
                local digits = ("1"):rep(200000)
                assert(tonumber(digits) == math.huge)
                assert(tonumber(digits .. ".5e-3") == math.huge)
                assert(tonumber(digits .. "x") == nil)
                assert(tonumber(digits .. "e") == nil)
                assert(tonumber("0x" .. ("f"):rep(200000) .. "g") == nil)
                assert(tonumber("." .. ("0"):rep(200000) .. "1e200000") == 0.1)
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        Plugins.assertNoErrors(diagnostics);
    }

    @Test
    @Timeout(120)
    void osDateWithAHugeFormatStopsAtTheMemoryLimitBeforeBuildingIt() {
        // Each "%c" writes 24 characters: 12 GB of text from a 40 MB format.
        List<Diagnostic> diagnostics = Plugins.handler("""
                local s = os.date(("%c"):rep(20 * 1024 * 1024))
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        Plugins.assertError(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 1);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.message()).contains("MB of memory"));
    }

    @Test
    @Timeout(60)
    void osDateWithAnOrdinaryFormatStillWorks() {
        Plugins.assertNoErrors(Plugins.handler("""
                assert(os.date("!%Y-%m-%d %H:%M:%S", 0) == "1970-01-01 00:00:00")
                assert(#os.date(("%F"):rep(1000), 0) == 10000)
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
    }

    @Test
    @Timeout(120)
    void aFortyMegabyteErrorMessageIsQuotedCut() {
        List<Diagnostic> diagnostics = Plugins.handler("""
                error(("x"):rep(40 * 1024 * 1024))
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        Plugins.assertError(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 1);
        assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(2_100));
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.message()).containsPattern("x{100}\\.\\.\\. \\(419430\\d\\d characters\\)"));
    }
}
