package dev.konnectplugins.benchmarks;

import dev.konnectplugins.KonnectListener;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the listener hook costs a call: a get of one 3 KB plugin from {@link KonnectStub} through the raw
 * java.net.http baseline, the SDK without a listener, and the SDK with a listener that overrides nothing (every
 * event then runs and does nothing). {@link #main} compares the three interleaved in one JVM and prints their
 * ratios, and with {@code --jmh} runs this JMH benchmark too:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.konnectplugins.benchmarks.ListenerBenchmark [--jmh]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class ListenerBenchmark {
    /** raw, sdk (no listener), sdk-noop-listener. */
    @Param({"raw", "sdk", "sdk-noop-listener"})
    public String client;

    private KonnectStub stub;
    private BenchmarkedClient target;

    @Setup
    public void start() throws Exception {
        stub = KonnectStub.start();
        target = switch (client) {
            case "sdk-noop-listener" -> new SdkClient(stub.baseUrl(), new KonnectListener() { });
            default -> BenchmarkedClient.of(client, stub.baseUrl());
        };
    }

    @TearDown
    public void stop() {
        target.close();
        stub.close();
    }

    @Benchmark
    public Object get() {
        return target.get();
    }

    /**
     * Prints the ratios of the three clients from one interleaved run (blocks of gets alternate between them, the
     * order rotating every round; the median of the per-round ratios, which a busy machine moves much less than
     * JMH's sequential scores); with {@code --jmh}, then runs the JMH benchmark and prints its ratios too.
     *
     * @param args {@code --jmh} to run JMH as well
     * @throws Exception when the stub or JMH fails
     */
    public static void main(String[] args) throws Exception {
        try (KonnectStub stub = KonnectStub.start();
             BenchmarkedClient raw = BenchmarkedClient.of("raw", stub.baseUrl());
             BenchmarkedClient sdk = BenchmarkedClient.of("sdk", stub.baseUrl());
             BenchmarkedClient noop = new SdkClient(stub.baseUrl(), new KonnectListener() { })) {
            new InterleavedGets(List.of(raw, sdk, noop), stub).print(List.of("raw", "sdk", "sdk-noop-listener"));
        }
        if (List.of(args).contains("--jmh")) {
            jmh();
        }
    }

    private static void jmh() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ListenerBenchmark.class.getName() + ".get").build()).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            scores.put(result.getParams().getParam("client"), result.getPrimaryResult().getScore());
        }
        System.out.printf(Locale.ROOT, "%nJMH, sequential: raw %.1f us/op, sdk %.1f, sdk-noop-listener %.1f; "
                        + "no-op listener / no listener %.3fx; sdk / raw %.3fx%n", scores.get("raw"),
                scores.get("sdk"), scores.get("sdk-noop-listener"),
                scores.get("sdk-noop-listener") / scores.get("sdk"), scores.get("sdk") / scores.get("raw"));
    }

    /** Blocks of gets by each client in turn, as {@link RatioRunner} does for two. */
    private static final class InterleavedGets {
        private static final int ROUNDS = 21;
        private static final long BLOCK_NANOS = 150_000_000L;
        private static final long WARMUP_NANOS = 5_000_000_000L;

        private final List<BenchmarkedClient> clients;
        private final KonnectStub stub;
        private final AllocationMeter meter = new AllocationMeter();

        InterleavedGets(List<BenchmarkedClient> clients, KonnectStub stub) {
            this.clients = clients;
            this.stub = stub;
        }

        void print(List<String> names) {
            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            while (System.nanoTime() < warmupEnd) {
                clients.forEach(BenchmarkedClient::get);
            }
            int calls = callsPerBlock();
            int n = clients.size();
            long[][] nanos = new long[n][ROUNDS];
            long[][] bytes = new long[n][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int step = 0; step < n; step++) {
                    int client = (round + step) % n;
                    long stubBefore = stub.allocatedBytes();
                    AllocationMeter.Reading before = meter.read();
                    long started = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        clients.get(client).get();
                    }
                    nanos[client][round] = System.nanoTime() - started;
                    bytes[client][round] = meter.read().allocated() - before.allocated()
                            - (stub.allocatedBytes() - stubBefore);
                }
            }
            System.out.printf(Locale.ROOT, "%d rounds of %d gets per client, interleaved%n%n", ROUNDS, calls);
            System.out.println("| get of a 3 KB plugin | us/op | client KB/op | time / raw | time / sdk without "
                    + "listener | alloc / sdk without listener |");
            System.out.println("|---|---|---|---|---|---|");
            for (int client = 0; client < n; client++) {
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.3fx | %.3fx | %.3fx |%n", names.get(client),
                        median(nanos[client]) / calls / 1000.0, median(bytes[client]) / calls / 1024.0,
                        medianRatio(nanos[client], nanos[0]), medianRatio(nanos[client], nanos[1]),
                        medianRatio(bytes[client], bytes[1]));
            }
        }

        private int callsPerBlock() {
            long started = System.nanoTime();
            int calls = 0;
            while (System.nanoTime() - started < BLOCK_NANOS / 2) {
                clients.get(0).get();
                calls++;
            }
            return Math.max(1, calls * 2);
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        private static double medianRatio(long[] values, long[] baseline) {
            double[] ratios = new double[values.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = values[i] / (double) Math.max(1, baseline[i]);
            }
            Arrays.sort(ratios);
            return ratios[ratios.length / 2];
        }
    }
}
