package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's fuzz test: mutated real plugins and random Lua, validated from several threads at once for a bounded
 * time. Every call must return in time, let no exception or Error escape, never end in validation.incomplete (a
 * validator failure), and give the same diagnostics twice for the same input, in memory and from a folder (except
 * where the wall-clock safety net decided, see {@link #stoppedByTheClock}).
 *
 * <p>{@code -Dkonnect.fuzz.seconds=600} runs longer and {@code -Dkonnect.fuzz.seed=N} replays a run. A failure
 * prints the run's seed and each failing case's seed and input.
 */
class ValidatorFuzzTest {
    private static final int THREADS = 4;
    /**
     * Proves "does not hang", nothing about speed: a validation takes milliseconds, one that runs into the
     * instruction limit a second or two, and only a machine stalled for half a minute reaches the evaluation's
     * wall-clock limit (30 s per file, two files).
     */
    private static final long CALL_LIMIT_SECONDS = 120;
    /** What a diagnostic says when the evaluation's wall-clock limit stopped it ({@code Limit.TIME}). */
    private static final String WALL_CLOCK = "(the validator's time limit)";
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "\\b(table|function|thread|userdata): (0x)?[0-9a-fA-F]+");

    @TempDir
    Path tmp;

    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fuzz-call");
        thread.setDaemon(true); // a hung call must not keep the build's JVM alive
        return thread;
    });

    @Test
    void validationIsBoundedTotalAndDeterministicUnderConcurrency() throws Exception {
        long seed = Long.getLong("konnect.fuzz.seed", new Random().nextLong());
        long seconds = Long.getLong("konnect.fuzz.seconds", 4);
        List<String[]> corpus = corpus();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger clockStops = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Path folder = Files.createDirectories(tmp.resolve("fuzz" + t)).resolve("fuzz");
            workers.add(new Thread(() -> {
                for (int i = 0; System.nanoTime() < deadline && failures.size() < 10; i++) {
                    long caseSeed = new Random(seed * 31 + thread * 1_000_003L + i).nextLong();
                    runCase(caseSeed, corpus, folder, failures, clockStops);
                    cases.incrementAndGet();
                }
            }, "fuzz-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(seconds + 4 * CALL_LIMIT_SECONDS + 30));
            if (worker.isAlive()) {
                failures.add(worker.getName() + " did not finish");
            }
        }
        calls.shutdownNow();
        System.out.printf("fuzz: seed %d, %d cases, %d not compared (stopped by the wall clock)%n", seed,
                cases.get(), clockStops.get());

        assertThat(cases.get()).as("cases run").isPositive();
        assertThat(failures).as("seed %d (-Dkonnect.fuzz.seed=%d), %d cases", seed, seed, cases.get()).isEmpty();
    }

    /** Validates one generated plugin twice in memory and once from a folder; adds what went wrong. */
    private void runCase(long caseSeed, List<String[]> corpus, Path folder, Queue<String> failures,
            AtomicInteger clockStops) {
        String[] plugin = new LuaFuzz(new Random(caseSeed)).plugin(corpus);
        PluginSource source = PluginSource.of("fuzz", plugin[0], plugin[1]);
        String label = "case seed " + caseSeed + "\n--- handler.lua\n" + plugin[0] + "\n--- schema.lua\n" + plugin[1]
                + "\n---\n";
        try {
            List<Diagnostic> first = call(() -> Plugins.VALIDATOR.validate(source));
            List<Diagnostic> second = call(() -> Plugins.VALIDATOR.validate(source));
            if (Stream.of(first, second).flatMap(List::stream)
                    .anyMatch(d -> d.rule().equals(Rules.VALIDATION_INCOMPLETE))) {
                failures.add(label + "the validator failed: " + first + "\nthen " + second);
            } else if (stoppedByTheClock(first) || stoppedByTheClock(second)) {
                clockStops.incrementAndGet(); // not comparable, see stoppedByTheClock
            } else if (!comparable(first).equals(comparable(second))) {
                failures.add(label + "not deterministic:\n" + difference(first, second));
            } else if (caseSeed % 8 == 0) {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("handler.lua"), plugin[0]);
                Files.writeString(folder.resolve("schema.lua"), plugin[1]);
                List<Diagnostic> fromFolder = call(() -> Plugins.VALIDATOR.validateDirectory(folder));
                if (stoppedByTheClock(fromFolder)) {
                    clockStops.incrementAndGet();
                } else if (!comparable(fromFolder).equals(comparable(first))) {
                    failures.add(label + "a folder gives other diagnostics than memory:\n"
                            + difference(fromFolder, first));
                }
            }
        } catch (TimeoutException e) {
            failures.add(label + "did not return within " + CALL_LIMIT_SECONDS + " s");
        } catch (ExecutionException e) {
            failures.add(label + "threw " + e.getCause());
        } catch (IOException e) {
            failures.add(label + "could not write the case to " + folder + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The diagnostics, without object addresses ("table: 16cc722a", from {@code tostring(t)} or a schema name that
     * is a table): they differ between runs in Kong too, and here they are Java identity hash codes.
     */
    private static List<String> comparable(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> ADDRESS.matcher(d.toString()).replaceAll("$1: <address>")).toList();
    }

    /**
     * Whether a run stopped at the evaluation's wall-clock limit. The instruction and memory limits, which count
     * library work too, decide every slow or hungry input long before that (a second or two at most here), so this
     * is only a stalled machine; the verdict then depends on the load, and such a run is not compared.
     */
    private static boolean stoppedByTheClock(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.message().contains(WALL_CLOCK));
    }

    private static String difference(List<Diagnostic> a, List<Diagnostic> b) {
        List<String> left = comparable(a);
        List<String> right = comparable(b);
        return "only in the first: " + left.stream().filter(d -> !right.contains(d)).toList()
                + "\nonly in the second: " + right.stream().filter(d -> !left.contains(d)).toList();
    }

    private List<Diagnostic> call(java.util.concurrent.Callable<ValidationResult> validation)
            throws InterruptedException, ExecutionException, TimeoutException {
        Future<ValidationResult> result = calls.submit(validation);
        try {
            return result.get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS).diagnostics();
        } finally {
            result.cancel(true);
        }
    }

    /** The real plugins of the repository and the rule tests' good plugin. */
    private static List<String[]> corpus() throws IOException {
        List<String[]> corpus = new ArrayList<>();
        corpus.add(new String[] {Plugins.GOOD_HANDLER, Plugins.GOOD_SCHEMA});
        for (Path root : List.of(Path.of("../examples/plugins"), Path.of("src/test/resources/plugins"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> handlers = Files.walk(root)) {
                for (Path handler : handlers.filter(p -> p.endsWith("handler.lua")).sorted().toList()) {
                    corpus.add(new String[] {Files.readString(handler),
                            Files.readString(handler.resolveSibling("schema.lua"))});
                }
            }
        }
        assertThat(corpus).as("real plugins found").hasSizeGreaterThan(2);
        return corpus;
    }
}
