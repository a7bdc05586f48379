package dev.konnectplugins.benchmarks;

import dev.konnectplugins.internal.sync.UnifiedDiff;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The diff a plan shows for one changed handler (issue #17 target: two different Konnect-legal 100 KB handlers
 * under 1 s). Run: {@code java -jar benchmarks/target/benchmarks.jar DiffBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DiffBenchmark {
    private static final int KONNECT_FILE_LIMIT = 100 * 1024;
    private static final int DIFF_LINE_LIMIT = 400;

    private String handler;
    private String rewritten;
    private String edited;
    private String shortLinesA;
    private String shortLinesB;
    private String orderedLines;
    private String shuffledLines;

    @Setup
    public void setUp() {
        handler = SamplePlugins.largeHandler(KONNECT_FILE_LIMIT);
        // Every line different: the longest edit script two such files can have.
        rewritten = handler.replace("e", "E").replace("a", "4");
        // One line in ten changed (same length, so still within Konnect's limit): a big refactoring.
        StringBuilder out = new StringBuilder();
        List<String> lines = handler.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i % 10 == 5 ? lines.get(i).replace('e', 'E') : lines.get(i)).append('\n');
        }
        edited = out.toString();
        // The most lines 100 KB can hold, all different between the two: the worst case for a line diff.
        shortLinesA = "a\n".repeat(KONNECT_FILE_LIMIT / 2);
        shortLinesB = "b\n".repeat(KONNECT_FILE_LIMIT / 2);
        // The same lines in another order: the change estimate sees nothing, only the comparison budget bounds it.
        List<String> some = new java.util.ArrayList<>(lines);
        orderedLines = String.join("\n", some);
        java.util.Collections.shuffle(some, new java.util.Random(17));
        shuffledLines = String.join("\n", some);
    }

    @Benchmark
    public List<String> twoDifferent100KBHandlers() {
        return UnifiedDiff.of("konnect/p/handler.lua", handler, "local/p/handler.lua", rewritten, DIFF_LINE_LIMIT);
    }

    @Benchmark
    public List<String> oneLineInTenChanged() {
        return UnifiedDiff.of("konnect/p/handler.lua", handler, "local/p/handler.lua", edited, DIFF_LINE_LIMIT);
    }

    @Benchmark
    public List<String> sameLinesShuffled() {
        return UnifiedDiff.of("konnect/p/handler.lua", orderedLines, "local/p/handler.lua", shuffledLines,
                DIFF_LINE_LIMIT);
    }

    @Benchmark
    public List<String> fiftyThousandShortLinesEachSide() {
        return UnifiedDiff.of("konnect/p/handler.lua", shortLinesA, "local/p/handler.lua", shortLinesB,
                DIFF_LINE_LIMIT);
    }
}
