package dev.konnectplugins.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SDK against the raw java.net.http baseline ({@link RawClient}) on the same in-process stub. Run with the GC
 * profiler for allocation per operation:
 * {@code java -jar benchmarks/target/benchmarks.jar ClientBenchmark -prof gc}. JMH's {@code gc.alloc.rate.norm}
 * counts every thread, the stub's too: the stub's own bytes per operation are printed at the end of each
 * iteration ("stub allocation"), subtract them for the client's share. {@link RatioRunner} does that subtraction
 * and gives the robust SDK/raw ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class ClientBenchmark {
    @Param({"sdk", "raw"})
    public String client;

    private KonnectStub stub;
    private BenchmarkedClient target;
    private long operations;
    private long stubBytesAtStart;

    @Setup(Level.Trial)
    public void start() throws Exception {
        stub = KonnectStub.start();
        target = BenchmarkedClient.of(client, stub.baseUrl());
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        operations = 0;
        stubBytesAtStart = stub.allocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void reportStub() {
        System.out.printf("%n  stub allocation: %.0f B/op%n",
                (stub.allocatedBytes() - stubBytesAtStart) / (double) Math.max(1, operations));
    }

    @TearDown(Level.Trial)
    public void stop() {
        target.close();
        stub.close();
    }

    @Benchmark
    public Object get() {
        operations++;
        return target.get();
    }

    @Benchmark
    public Object create() {
        operations++;
        return target.create();
    }

    @Benchmark
    public Object pageOf100() {
        operations++;
        return target.pageOf100();
    }

    /** 10,000 plugins in pages of 1000, in a 32 MB heap (issue #11's memory target). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Xmx32m")
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 5, time = 3)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int list10k() {
        operations++;
        return target.list10k();
    }
}
