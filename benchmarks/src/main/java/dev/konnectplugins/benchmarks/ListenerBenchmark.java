package dev.konnectplugins.benchmarks;

import dev.konnectplugins.KonnectListener;
import java.util.Collection;
import java.util.HashMap;
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
 * event then runs and does nothing). {@link #main} runs the three in one JMH run and prints their ratios:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.konnectplugins.benchmarks.ListenerBenchmark}.
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
     * Runs the benchmark and prints the ratios of the same run.
     *
     * @param args ignored
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ListenerBenchmark.class.getName() + ".get").build()).run();
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult result : results) {
            String client = result.getParams().getParam("client");
            scores.put(client, new double[] {result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()});
        }
        double raw = scores.get("raw")[0];
        double sdk = scores.get("sdk")[0];
        double noop = scores.get("sdk-noop-listener")[0];
        System.out.println();
        System.out.println("| get of a 3 KB plugin | us/op | error (99.9 %) | / raw | / sdk without listener |");
        System.out.println("|---|---|---|---|---|");
        for (String client : new String[] {"raw", "sdk", "sdk-noop-listener"}) {
            double score = scores.get(client)[0];
            System.out.printf("| %s | %.1f | %.1f | %.3fx | %.3fx |%n", client, score, scores.get(client)[1],
                    score / raw, score / sdk);
        }
        System.out.printf("%nno-op listener / no listener: %.3fx; sdk / raw: %.3fx%n", noop / sdk, sdk / raw);
    }
}
