package dev.konnectplugins.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.validation.PluginValidator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The same-JVM interleaved comparison: for each operation, blocks of SDK calls and blocks of raw calls alternate
 * (the order flips every round), and the table shows the median of the per-round SDK/raw ratios. A noisy machine
 * slows both sides of a round alike, so the ratio holds where absolute times do not.
 *
 * <p>Usage: {@code java -Xmx64m -cp benchmarks.jar dev.konnectplugins.benchmarks.RatioRunner [--rounds N]
 * [--only get,create,page100,list10k,validate] [--stub URL]}, where {@code --stub} names a {@link StubMain} running
 * in another JVM. Allocation is every thread's (the JDK HttpClient's too) minus the
 * stub's own threads, which are reported apart. So is CPU time: the process's minus the stub's threads'. A client's
 * CPU time, unlike its elapsed time, does not grow while another tenant of the machine holds the processors, so its
 * ratio is the steadier measure of what the SDK adds on a shared machine.
 */
public final class RatioRunner {
    private static final long BLOCK_NANOS = 150_000_000L;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final AllocationMeter meter = new AllocationMeter();
    /** The stub's own allocation so far; always 0 for a stub in another JVM. */
    private final LongSupplier stubBytes;
    /** The stub's own CPU time so far, in nanoseconds; always 0 for a stub in another JVM. */
    private final LongSupplier stubCpuNanos;
    private final int rounds;

    private RatioRunner(LongSupplier stubBytes, LongSupplier stubCpuNanos, int rounds) {
        this.stubBytes = stubBytes;
        this.stubCpuNanos = stubCpuNanos;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        int rounds = 21;
        List<String> only = List.of("get", "create", "page100", "list10k", "validate");
        URI remoteStub = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                case "--stub" -> remoteStub = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --rounds N, --only get,create,page100,list10k,validate, --stub URL");
            }
        }
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, max heap %d MB, %d rounds per operation%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, rounds);
        // A stub in another JVM (StubMain) keeps its memory out of a small heap under test.
        try (KonnectStub stub = remoteStub == null ? KonnectStub.start() : null;
             BenchmarkedClient sdk = BenchmarkedClient.of("sdk", stub == null ? remoteStub : stub.baseUrl());
             BenchmarkedClient raw = BenchmarkedClient.of("raw", stub == null ? remoteStub : stub.baseUrl())) {
            RatioRunner runner = new RatioRunner(stub == null ? () -> 0 : stub::allocatedBytes,
                    stub == null ? () -> 0 : stub::cpuNanos, rounds);
            Map<String, Consumer<BenchmarkedClient>> operations = new LinkedHashMap<>();
            operations.put("get", BenchmarkedClient::get);
            operations.put("create", BenchmarkedClient::create);
            operations.put("page100", BenchmarkedClient::pageOf100);
            operations.put("list10k", client -> {
                if (client.list10k() != KonnectStub.LISTING_SIZE) {
                    throw new IllegalStateException("the listing lost plugins");
                }
            });
            System.out.println();
            System.out.println("| operation | SDK/raw time | SDK/raw client alloc | SDK us/op | raw us/op "
                    + "| SDK KB/op | raw KB/op | stub KB/op | SDK GCs/op | raw GCs/op | SDK threads/op "
                    + "| SDK/raw client CPU |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Map.Entry<String, Consumer<BenchmarkedClient>> operation : operations.entrySet()) {
                if (only.contains(operation.getKey())) {
                    runner.compare(operation.getKey(), operation.getValue(), sdk, raw);
                }
            }
        }
        if (only.contains("validate")) {
            validationRows();
        }
    }

    private void compare(String name, Consumer<BenchmarkedClient> operation, BenchmarkedClient sdk,
                         BenchmarkedClient raw) {
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < warmupEnd) {
            operation.accept(sdk);
            operation.accept(raw);
        }
        int perBlock = callsPerBlock(operation, raw);
        List<Block> sdkBlocks = new ArrayList<>();
        List<Block> rawBlocks = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean sdkFirst = round % 2 == 0;
            Block first = block(operation, sdkFirst ? sdk : raw, perBlock);
            Block second = block(operation, sdkFirst ? raw : sdk, perBlock);
            sdkBlocks.add(sdkFirst ? first : second);
            rawBlocks.add(sdkFirst ? second : first);
        }
        System.out.printf(Locale.ROOT,
                "| %s | %.2fx | %.2fx | %.0f | %.0f | %.1f | %.1f | %.1f | %.3f | %.3f | %.2f | %.2fx |%n",
                name, medianRatio(sdkBlocks, rawBlocks, Block::nanos),
                medianRatio(sdkBlocks, rawBlocks, Block::clientBytes),
                median(sdkBlocks, Block::nanos) / perBlock / 1000.0, median(rawBlocks, Block::nanos) / perBlock / 1000.0,
                median(sdkBlocks, Block::clientBytes) / perBlock / 1024.0,
                median(rawBlocks, Block::clientBytes) / perBlock / 1024.0,
                median(rawBlocks, Block::stubBytes) / perBlock / 1024.0,
                sum(sdkBlocks, Block::collections) / (double) (perBlock * rounds),
                sum(rawBlocks, Block::collections) / (double) (perBlock * rounds),
                sum(sdkBlocks, Block::threadsStarted) / (double) (perBlock * rounds),
                medianRatio(sdkBlocks, rawBlocks, Block::clientCpuNanos));
    }

    /** Enough calls for a raw block to take about {@link #BLOCK_NANOS}. */
    private static int callsPerBlock(Consumer<BenchmarkedClient> operation, BenchmarkedClient raw) {
        long started = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - started < BLOCK_NANOS / 2) {
            operation.accept(raw);
            calls++;
        }
        return Math.max(1, calls * 2);
    }

    private Block block(Consumer<BenchmarkedClient> operation, BenchmarkedClient client, int calls) {
        long stubBefore = stubBytes.getAsLong();
        long stubCpuBefore = stubCpuNanos.getAsLong();
        long cpuBefore = PROCESS.getProcessCpuTime();
        AllocationMeter.Reading before = meter.read();
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            operation.accept(client);
        }
        long nanos = System.nanoTime() - started;
        AllocationMeter.Reading after = meter.read();
        long clientCpu = PROCESS.getProcessCpuTime() - cpuBefore - (stubCpuNanos.getAsLong() - stubCpuBefore);
        long stubAllocated = stubBytes.getAsLong() - stubBefore;
        return new Block(nanos, after.allocated() - before.allocated() - stubAllocated, stubAllocated,
                after.collections() - before.collections(), after.threadsStarted() - before.threadsStarted(),
                clientCpu);
    }

    /** Warm validation time of a typical plugin and of a 100 KB handler (absolute: there is no raw baseline). */
    private static void validationRows() {
        PluginValidator validator = PluginValidator.builder().build();
        PluginSource typical = PluginSource.of("myplugin", SamplePlugins.TEMPLATE_HANDLER, SamplePlugins.TEMPLATE_SCHEMA);
        PluginSource large = PluginSource.of("myplugin", SamplePlugins.largeHandler(100 * 1024),
                SamplePlugins.TEMPLATE_SCHEMA);
        List<Double> perKilobyte = new ArrayList<>();
        for (Map.Entry<String, PluginSource> row : Map.of("typical plugin", typical, "100 KB handler", large)
                .entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            if (!validator.validate(row.getValue()).valid()) {
                throw new IllegalStateException("benchmark plugin is not valid: " + row.getKey());
            }
            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            while (System.nanoTime() < warmupEnd) {
                validator.validate(row.getValue());
            }
            double[] millis = new double[21];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                int calls = 0;
                while (System.nanoTime() - started < BLOCK_NANOS / 3) {
                    validator.validate(row.getValue());
                    calls++;
                }
                millis[i] = (System.nanoTime() - started) / 1e6 / calls;
            }
            Arrays.sort(millis);
            double median = millis[millis.length / 2];
            PluginSource plugin = row.getValue();
            double kilobytes = (plugin.handler().length() + plugin.schema().length()) / 1024.0;
            perKilobyte.add(median / kilobytes);
            System.out.printf(Locale.ROOT, "| validation: %s, warm (median) | %.2f ms (%.1f KB, %.3f ms/KB) |%n",
                    row.getKey(), median, kilobytes, median / kilobytes);
        }
        System.out.printf(Locale.ROOT, "| validation: per-byte time, 100 KB handler / typical plugin | %.2fx |%n",
                perKilobyte.get(1) / perKilobyte.get(0));
    }

    private static double medianRatio(List<Block> sdk, List<Block> raw, ToLongFunction<Block> value) {
        double[] ratios = new double[sdk.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = value.applyAsLong(sdk.get(i)) / (double) Math.max(1, value.applyAsLong(raw.get(i)));
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }

    private static double median(List<Block> blocks, ToLongFunction<Block> value) {
        long[] values = blocks.stream().mapToLong(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static long sum(List<Block> blocks, ToLongFunction<Block> value) {
        return blocks.stream().mapToLong(value).sum();
    }

    /** One block of calls by one client. */
    private record Block(long nanos, long clientBytes, long stubBytes, long collections, long threadsStarted,
                         long clientCpuNanos) {
    }
}
