package dev.konnectplugins.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue #17: a diff is bounded. (Speed is measured by benchmarks' DiffBenchmark; the timeouts here only keep a
 * regression from hanging the build.)
 */
class UnifiedDiffTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void aSmallChangeIsAUnifiedDiff() {
        List<String> diff = UnifiedDiff.of("konnect/p/handler.lua", "a\nb\nc\n", "local/p/handler.lua", "a\nB\nc\n",
                100);

        assertThat(diff).containsExactly("--- konnect/p/handler.lua", "+++ local/p/handler.lua", "@@ -1,3 +1,3 @@",
                " a", "-b", "+B", " c");
    }

    @Test
    void theMostLinesAKonnectFileCanHoldAllDifferentAreSummarizedNotCompared() {
        String from = "a\n".repeat(UnifiedDiff.KONNECT_FILE_LIMIT / 2);
        String to = "b\n".repeat(UnifiedDiff.KONNECT_FILE_LIMIT / 2);

        List<String> diff = assertTimeoutPreemptively(HANG_GUARD,
                () -> UnifiedDiff.of("konnect/p/handler.lua", from, "local/p/handler.lua", to, 400));

        assertThat(diff).containsExactly("--- konnect/p/handler.lua", "+++ local/p/handler.lua",
                "diff not shown: 102400 lines changed (too many to compare line by line)");
    }

    @Test
    void aFileMostlyRewrittenIsSummarizedAndAModestChangeIsDiffed() {
        StringBuilder old = new StringBuilder();
        StringBuilder rewritten = new StringBuilder();
        StringBuilder edited = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            old.append("local a").append(i).append(" = ").append(i).append('\n');
            rewritten.append("local b").append(i).append(" = ").append(i).append('\n');
            edited.append("local a").append(i).append(i % 10 == 5 ? " = 0" : " = " + i).append('\n');
        }

        assertThat(UnifiedDiff.of("konnect/p/handler.lua", old.toString(), "local/p/handler.lua",
                rewritten.toString(), 400)).containsExactly("--- konnect/p/handler.lua", "+++ local/p/handler.lua",
                "diff not shown: 4000 lines changed (too many to compare line by line)");
        assertThat(UnifiedDiff.of("konnect/p/handler.lua", old.toString(), "local/p/handler.lua", edited.toString(),
                400)).contains("-local a5 = 5", "+local a5 = 0");
    }

    @Test
    void linesMovedAroundStopAtTheComparisonBudget() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add("local a" + i + " = " + i);
        }
        String ordered = String.join("\n", lines);
        Collections.shuffle(lines, new Random(17));
        String shuffled = String.join("\n", lines);

        List<String> diff = assertTimeoutPreemptively(HANG_GUARD,
                () -> UnifiedDiff.of("konnect/p/handler.lua", ordered, "local/p/handler.lua", shuffled, 400));

        assertThat(diff).last().asString().startsWith("diff not shown: ").endsWith(
                " lines moved (too many to compare line by line)");
    }

    @Test
    void sharedStartAndEndAreSetAsideSoABigFileWithOneChangeIsStillDiffed() {
        String body = "x = 1\n".repeat(8_000);
        List<String> diff = assertTimeoutPreemptively(HANG_GUARD, () -> UnifiedDiff.of("konnect/p/handler.lua",
                body + "old\n" + body, "local/p/handler.lua", body + "new\n" + body, 400));

        assertThat(diff).hasSize(11).containsSubsequence("-old", "+new");
    }

    @Test
    void aRemoteFileOverKonnectsLimitIsReportedNotDiffed() {
        String huge = "-- filler line\n".repeat(200_000);

        List<String> diff = assertTimeoutPreemptively(HANG_GUARD,
                () -> UnifiedDiff.of("konnect/p/handler.lua", huge, "local/p/handler.lua", "return {}\n", 400));

        assertThat(diff).containsExactly("--- konnect/p/handler.lua", "+++ local/p/handler.lua",
                "diff not shown: konnect/p/handler.lua is 3000000 bytes, over Konnect's limit of 102400 bytes "
                        + "for a plugin file");
    }
}
