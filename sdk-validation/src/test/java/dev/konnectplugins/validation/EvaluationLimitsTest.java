package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, rows 1, 3 and 4: the evaluation's limits hold inside library calls and coroutines, a plugin that hits
 * one is invalid (fail closed) with a message naming the limit and the line, and the limits leave room for what Kong
 * loads in reasonable time. Time bounds are generous: they prove "does not hang", they are not benchmarks.
 */
class EvaluationLimitsTest {
    /** The pools whose threads stay, idle, after their task (sdk-core's DaemonThreads). */
    private static final Set<String> POOLED = Set.of("konnect-plugins-validation", "konnect-plugins-open");

    private static final Duration BOUND = Duration.ofSeconds(60);

    private static List<Diagnostic> timed(Supplier<List<Diagnostic>> validation) {
        long start = System.nanoTime();
        List<Diagnostic> diagnostics = validation.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("validation time").isLessThan(BOUND);
        return diagnostics;
    }

    private static void assertLimit(List<Diagnostic> diagnostics, String rule, String file, int line, String limit) {
        Plugins.assertError(diagnostics, rule, file, line);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.message())
                .contains(limit)
                .contains("at line " + line)
                .contains("Kong would hang or fail there too"));
    }

    @Test
    @Timeout(120)
    void backtrackingPatternStopsAtTheInstructionLimit() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local found = string.find(("a"):rep(20), ("a*"):rep(20) .. "b")
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 1, "Lua instructions");
    }

    @Test
    @Timeout(120)
    void gsubThatWouldBuildGigabytesStopsAtTheMemoryLimit() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local s = ("x"):rep(100000)
                local r = s:gsub(".", s)
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 2, "MB of memory");
    }

    @Test
    @Timeout(120)
    void repWithACountAsAStringIsChargedBeforeItAllocates() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local t = {}
                for i = 1, 20 do t[i] = string.rep("x", "1000000000") end
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 2, "MB of memory");
    }

    @Test
    @Timeout(120)
    void concatOfBigStringsIsChargedBeforeItAllocates() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.schema("""
                local big = ("x"):rep(20 * 1024 * 1024)
                local parts = {}
                for i = 1, 20 do parts[i] = big end
                local all = table.concat(parts)
                return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
                """));
        assertLimit(diagnostics, Rules.SCHEMA_SHAPE, "schema.lua", 4, "MB of memory");
    }

    @Test
    @Timeout(120)
    void runningOutOfInstructionsInsideACoroutineIsNotAnOrdinaryLuaError() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local ok = pcall(coroutine.wrap(function()
                  while true do end
                end))
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 2, "Lua instructions");
    }

    @Test
    @Timeout(120)
    void runningOutOfMemoryInsideACoroutineIsNotAnOrdinaryLuaError() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local co = coroutine.create(function()
                  local s = string.rep("x", 2^31 - 1) -- 2^40 reads as -2^31 in LuaJIT: ""
                  return s
                end)
                local ok, err = coroutine.resume(co)
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 2, "MB of memory");
    }

    @Test
    @Timeout(120)
    void switchingCoroutinesEndlesslyMeetsTheInstructionLimitNotTheClock() {
        // Each switch is a hand-over between Java threads here: uncharged, ten million of them ran into the 30 s
        // wall clock, whose verdict depends on the machine's load.
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local next_value = coroutine.wrap(function() while true do coroutine.yield(1) end end)
                for i = 1, 1e7 do next_value() end
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """));
        assertLimit(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 2, "Lua instructions");
    }

    @Test
    @Timeout(120)
    void aTopLevelThatSwitchesCoroutinesAFewThousandTimesPasses() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local count = coroutine.wrap(function() for i = 1, 1e9 do coroutine.yield(i) end end)
                local last
                for i = 1, 10000 do last = count() end
                return { PRIORITY = 1000, VERSION = "1.0." .. last }
                """));
        assertThat(diagnostics).isEmpty();
    }

    @Test
    @Timeout(120)
    void aPluginWithCoroutinesGetsTheSameVerdictEveryTime() {
        String handler = """
                local ok = pcall(coroutine.wrap(function() return ("x"):rep(2^31 - 1) end))
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """;
        List<Diagnostic> first = Plugins.handler(handler);
        assertThat(Plugins.errors(first)).hasSize(1);
        for (int i = 0; i < 5; i++) {
            assertThat(Plugins.handler(handler)).isEqualTo(first);
        }
    }

    @Test
    @Timeout(120)
    void suspendedCoroutinesDoNotOutliveTheirValidation() {
        List<Diagnostic> diagnostics = Plugins.handler("""
                local held = {}
                for i = 1, 50 do
                  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b end)
                  assert(select(2, coroutine.resume(co, i)) == i + 1)
                  held[i] = co
                end
                return { PRIORITY = 1000, VERSION = "1.0." .. #held }
                """);
        Plugins.assertNoErrors(diagnostics);
        assertThat(diagnostics).isEmpty();
        assertThat(validatorThreads()).isEmpty();
    }

    @Test
    @Timeout(120)
    void tooManyLiveCoroutinesIsALimit() {
        List<Diagnostic> diagnostics = Plugins.handler("""
                local held = {}
                for i = 1, 100 do
                  held[i] = coroutine.create(function() coroutine.yield() end)
                  coroutine.resume(held[i])
                end
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        Plugins.assertError(diagnostics, Rules.HANDLER_SHAPE, "handler.lua", 4);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.message()).contains("coroutines"));
        assertThat(validatorThreads()).isEmpty();
    }

    @Test
    @Timeout(120)
    void aLoopOfMillionsOfIterationsAndAFiveMegabyteStringPass() {
        List<Diagnostic> diagnostics = timed(() -> Plugins.handler("""
                local n = 0
                for i = 1, 3000000 do n = n + i % 7 end
                local t = {}
                for i = 1, 200000 do t[i] = "item" .. i end
                local s = ("x"):rep(5 * 1024 * 1024)
                local doubled = s:upper() .. s:lower()
                return { PRIORITY = 1000, VERSION = "1.0." .. (#doubled > 0 and 0 or 1) }
                """));
        assertThat(diagnostics).isEmpty();
    }

    /**
     * Threads the validator started that are still at work: coroutine threads, and pooled threads (validation, file
     * opening) not back to waiting for their next task. A pooled thread gets there just after its task has handed
     * over its result, so those are given up to 2 s; a coroutine thread must have ended when its validation did.
     */
    static List<String> validatorThreads() {
        List<String> busy = busyThreads();
        for (int i = 0; i < 200 && !busy.isEmpty() && busy.stream().allMatch(POOLED::contains); i++) {
            sleep(10);
            busy = busyThreads();
        }
        return busy;
    }

    private static List<String> busyThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && e.getKey().getName().startsWith("konnect-plugins-"))
                .filter(e -> !waitingForWork(e.getValue()))
                .map(e -> e.getKey().getName())
                .toList();
    }

    /** Whether a pooled thread is idle: waiting in sdk-core's DaemonThreads pool for a task. */
    private static boolean waitingForWork(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().endsWith("DaemonThreads$HandOff"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
