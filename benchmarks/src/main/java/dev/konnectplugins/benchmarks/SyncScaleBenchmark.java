package dev.konnectplugins.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.OutcomeStatus;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncOptions;
import dev.konnectplugins.sync.SyncResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync of many control planes against {@link SyncScaleFake} (200 x 50 by default, {@link SyncFleet}'s mix), in
 * four runs from the same starting state, after a warm-up sync: no rate limit; the same without the client's
 * validation before each upload (what validating every write costs); the fake limiting the organisation to R requests
 * a second and the client's {@code maxRequestsPerSecond} set to R; the same limit without the client's.
 * Each reports the requests per control plane by kind, wall and CPU time, the heap (sum of pool peaks, and the most
 * left live after a collection), failed writes and 429s. Run it in a JVM with a fixed {@code -Xmx}:
 * {@code benchmarks/sync-scale.sh}.
 *
 * <p>Usage: {@code SyncScaleBenchmark [--control-planes N] [--plugins N] [--rate R] [--parallelism N]}
 */
public final class SyncScaleBenchmark {
    private static final List<String> KINDS = List.of("lookup", "list", "instances", "PUT", "DELETE");

    private final SyncFleet fleet;
    private final int rate;
    private final int parallelism;
    private final PrintWriter toFake;
    private final BufferedReader fromFake;
    private final String url;
    private final String token;
    private final Map<String, String> namesById;

    private SyncScaleBenchmark(SyncFleet fleet, int rate, int parallelism, Process fake) throws IOException {
        this.fleet = fleet;
        this.rate = rate;
        this.parallelism = parallelism;
        this.toFake = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
        this.fromFake = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> settings = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (String line = fromFake.readLine(); !"ready".equals(line); line = fromFake.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the fake's JVM ended before it was ready");
            }
            String[] words = line.split(" ");
            if (words[0].equals("cp")) {
                ids.put(words[1], words[2]);
            } else {
                settings.put(words[0], words[1]);
            }
        }
        this.url = settings.get("url");
        this.token = settings.get("token");
        this.namesById = Map.copyOf(ids);
    }

    /**
     * Runs the three syncs and prints a Markdown table of each.
     *
     * @param args see the class comment
     * @throws Exception when the fake cannot be started or talked to
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        SyncFleet fleet = new SyncFleet(options.getOrDefault("--control-planes", 200),
                options.getOrDefault("--plugins", 50));
        Process fake = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SyncScaleFake.class.getName(), Integer.toString(fleet.controlPlanes), Integer.toString(fleet.plugins))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            SyncScaleBenchmark benchmark = new SyncScaleBenchmark(fleet, options.getOrDefault("--rate", 50),
                    options.getOrDefault("--parallelism", 4), fake);
            benchmark.runAll();
        } finally {
            fake.getOutputStream().close();
            fake.waitFor();
        }
    }

    private void runAll() throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("%d control planes x %d plugins, parallelism %d, client -Xmx %d MB, rate limit R = %d/s%n%n",
                fleet.controlPlanes, fleet.plugins, parallelism, maxHeap >> 20, rate);
        System.out.println("| run | wall s | requests | requests / R s | wall / (requests / R) | 429s | failed writes "
                + "| failed control planes | client CPU s | peak heap MB (pools) | max live MB after GC | GCs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        warmUp();
        Run free = run("no rate limit", false, false, true);
        run("no rate limit, validateBeforeUpload(false)", false, false, false);
        Run limited = run("fake R/s, client maxRequestsPerSecond R", true, true, true);
        Run unlimited = run("fake R/s, no client limit", true, false, true);
        System.out.println();
        System.out.println("Requests per control plane by kind (" + free.name + "), median over the control planes of "
                + "each kind:");
        System.out.println();
        System.out.println("| control plane | count | " + String.join(" | ", KINDS) + " | total |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (SyncFleet.Kind kind : SyncFleet.Kind.values()) {
            System.out.println(free.kindRow(kind));
        }
        System.out.println();
        System.out.println("Largest per control plane: " + free.maxPerKind() + " (no limit); " + limited.maxPerKind()
                + " (client limit); " + unlimited.maxPerKind() + " (no client limit, retries included)");
    }

    /**
     * Compiles the validator's and the client's hot code before the first measured sync, so that the runs compare
     * syncs rather than the JIT: one whole sync, not measured.
     */
    private void warmUp() throws IOException {
        ask("seed");
        try (Konnect konnect = Konnect.builder().baseUrl(java.net.URI.create(url)).token(token).build()) {
            PluginSync.of(konnect).syncAll(fleet.controlPlaneNames(), DesiredState.of(fleet.desired()),
                    SyncOptions.builder().parallelism(parallelism).build());
        }
    }

    private Run run(String name, boolean fakeLimit, boolean clientLimit, boolean validateBeforeUpload)
            throws IOException {
        ask("seed");
        ask(fakeLimit ? "limit " + rate : "nolimit");
        long refusedBefore = Long.parseLong(ask("refused"));
        RequestCounter counter = new RequestCounter(namesById);
        Konnect.Builder builder = Konnect.builder().baseUrl(java.net.URI.create(url)).token(token).listener(counter)
                .validateBeforeUpload(validateBeforeUpload);
        if (clientLimit) {
            builder.maxRequestsPerSecond(rate);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<SyncResult> results;
        long wallNanos;
        long cpuNanos;
        long peak;
        long live;
        long collections;
        try (Konnect konnect = builder.build(); HeapWatch heap = new HeapWatch()) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            results = PluginSync.of(konnect).syncAll(fleet.controlPlaneNames(), DesiredState.of(fleet.desired()),
                    SyncOptions.builder().parallelism(parallelism).build());
            wallNanos = System.nanoTime() - start;
            cpuNanos = os.getProcessCpuTime() - cpuStart;
            peak = heap.peakBytes();
            live = heap.maxLiveBytes();
            collections = heap.collections();
        }
        long refused = Long.parseLong(ask("refused")) - refusedBefore;
        long failedWrites = results.stream().mapToLong(result -> result.outcomes(OutcomeStatus.FAILED).size()).sum();
        long failedPlanes = results.stream().filter(result -> !result.succeeded()).count();
        double wall = wallNanos / 1e9;
        double ideal = counter.total() / (double) rate;
        System.out.printf("| %s | %.1f | %d | %.1f | %.2fx | %d (fake: %d) | %d | %d | %.1f | %.0f | %.0f | %d |%n",
                name, wall, counter.total(), ideal, wall / ideal, counter.tooManyRequests(), refused, failedWrites,
                failedPlanes, cpuNanos / 1e9, peak / 1048576.0, live / 1048576.0, collections);
        return new Run(name, counter);
    }

    private String ask(String command) throws IOException {
        toFake.println(command);
        String answer = fromFake.readLine();
        if (answer == null || answer.startsWith("error")) {
            throw new IllegalStateException("the fake answered " + answer + " to " + command);
        }
        return answer;
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length || !List.of("--control-planes", "--plugins", "--rate", "--parallelism")
                    .contains(args[i])) {
                throw new IllegalArgumentException("Usage: SyncScaleBenchmark [--control-planes N] [--plugins N] "
                        + "[--rate R] [--parallelism N]; bad option: " + args[i]);
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        return options;
    }

    /** One sync's request counts. */
    private final class Run {
        private final String name;
        private final RequestCounter counter;

        Run(String name, RequestCounter counter) {
            this.name = name;
            this.counter = counter;
        }

        String kindRow(SyncFleet.Kind kind) {
            List<String> planes = fleet.controlPlaneNames().stream()
                    .filter(plane -> SyncFleet.kind(Integer.parseInt(plane.substring(6))) == kind).toList();
            StringBuilder row = new StringBuilder("| " + kind.name().toLowerCase() + " | " + planes.size() + " | ");
            for (String requestKind : KINDS) {
                row.append(median(planes.stream().mapToLong(plane -> counter.attempts(plane, requestKind)).toArray()))
                        .append(" | ");
            }
            return row.append(median(planes.stream().mapToLong(counter::attempts).toArray())).append(" |").toString();
        }

        String maxPerKind() {
            StringBuilder text = new StringBuilder();
            for (SyncFleet.Kind kind : SyncFleet.Kind.values()) {
                long max = fleet.controlPlaneNames().stream()
                        .filter(plane -> SyncFleet.kind(Integer.parseInt(plane.substring(6))) == kind)
                        .mapToLong(counter::attempts).max().orElse(0);
                text.append(text.length() == 0 ? "" : ", ").append(kind.name().toLowerCase()).append(' ').append(max);
            }
            return text.toString();
        }

        private long median(long[] values) {
            java.util.Arrays.sort(values);
            return values.length == 0 ? 0 : values[values.length / 2];
        }
    }
}
