package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.handler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file the analysis cannot fully walk is never passed silently (issue 9, hostile input). */
class NoBlindSpotsTest {
    private static final String TIMER_AFTER = "\nngx.timer.at(0, function() end)\n" + Plugins.GOOD_HANDLER;

    @Test
    void aVeryLongExpressionIsRefusedNotSkipped() {
        String longExpression = "local x = " + "1 + ".repeat(500) + "1";
        List<Diagnostic> d = handler(longExpression + TIMER_AFTER);
        assertError(d, Rules.LUA_COMPLEXITY, "handler.lua", 1);
        assertThat(d).filteredOn(Diagnostic::isError).first()
                .satisfies(e -> assertThat(e.message()).contains("table.concat"));
    }

    @Test
    void anExpressionUpToTheLimitIsAnalysed() {
        String longConcat = "local x = " + "\"a\" .. ".repeat(400) + "\"a\"";
        assertError(handler(longConcat + TIMER_AFTER), Rules.SANDBOX_TIMER, "handler.lua", 2);
    }

    @Test
    void deepNestingWithinLuaJitsLimitIsAnalysed() {
        String nested = "local x = " + "(".repeat(197) + "1" + ")".repeat(197);
        assertError(handler(nested + TIMER_AFTER), Rules.SANDBOX_TIMER, "handler.lua", 2);
    }

    @Test
    void nestingBeyondItIsASyntaxErrorWithoutStackOverflow() {
        String nested = "local x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertError(handler(nested + TIMER_AFTER), Rules.LUA_SYNTAX, "handler.lua", 1);
        String unary = "local x = " + "- ".repeat(100_000) + "1";
        assertError(handler(unary + TIMER_AFTER), Rules.LUA_SYNTAX, "handler.lua", 1);
    }
}
