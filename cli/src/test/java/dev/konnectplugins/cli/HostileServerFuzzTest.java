package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.cli.HostileKonnect.Answer;
import dev.konnectplugins.cli.HostileServerCliTest.Run;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-server mode of the bounded fuzz tests (issue #17; the validator's is sdk-validation's
 * {@code ValidatorFuzzTest}): random lying servers on 127.0.0.1 (cursors that alternate, cycle or grow, huge
 * cursors and bodies, escapes and workflow commands in every string, the token echoed back, malformed plugins and
 * error answers) against random commands. Every command must end by itself, with exit 0 or 1 (a plan with blocked
 * changes), or 3 or 4 and one line on stderr; never print the token, a raw control character or a line that starts
 * with {@code ::}; and the old generation's peak (what a listing held whole would fill) must stay under
 * {@link #HEAP_LIMIT}.
 *
 * <p>Three seeds per build: {@code -Dkonnect.fuzz.seed=N} fixes the first (the others follow from it),
 * {@code -Dkonnect.fuzz.cases=N} runs more cases per seed. A failure names its seed and case.
 */
class HostileServerFuzzTest {
    private static final long HEAP_LIMIT = 1024L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] HOSTILE_PIECES = {"\u001b[31m", "\r", "\n", "\u2028", "\u2029", "\u0085",
        "\u202e", "\u2066", "\u0007", "\u007f", "::add-mask::", "::error file=a,line=1::", "Plan: 0 to create",
        HostileKonnect.TOKEN, "Bearer " + HostileKonnect.TOKEN, "\t", "é", "\"", "\\", "%0A", "<", "plugin"};

    @TempDir
    Path work;

    static Stream<Long> seeds() {
        long first = Long.getLong("konnect.fuzz.seed", new Random().nextLong());
        return LongStream.range(0, 3).mapToObj(i -> new Random(first + i * 7_919L).nextLong());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCommandEndsSafelyAgainstARandomHostileServer(long seed) throws Exception {
        int cases = Integer.getInteger("konnect.fuzz.cases", 12);
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "alpha", "X-Alpha");
        resetPeaks();
        for (int i = 0; i < cases; i++) {
            long caseSeed = new Random(seed * 31 + i).nextLong();
            String label = "seed " + seed + ", case " + i + " (case seed " + caseSeed + ")";
            // HostileServerCliTest.run fails a command that does not end in two minutes.
            Scenario scenario = new Scenario(new Random(caseSeed));
            try (HostileKonnect konnect = new HostileKonnect(scenario::answer)) {
                String[] args = scenario.command(plugins, work.resolve("pulled-" + i));
                Run run = HostileServerCliTest.run(konnect, args);
                check(label + ": " + String.join(" ", args), run);
            }
        }
        assertThat(peakHeap()).as("peak of the old generation, seed " + seed).isLessThan(HEAP_LIMIT);
    }

    private static void check(String label, Run run) {
        assertThat(run.exitCode()).as(label + "\n" + run).isIn(0, 1, 3, 4);
        if (run.exitCode() >= 3) {
            assertThat(run.err().lines()).as(label + ": one clear line\n" + run).hasSize(1);
        }
        assertThat(run.err()).as(label).doesNotContain("Cannot invoke", "Exception:", "\tat ");
        HostileServerCliTest.assertSafe(run);
    }

    /** One lying server: how its cursors move, what its plugins hold, which faults it throws in. */
    private static final class Scenario {
        private final Random random;
        private final String cursorMode;
        private final int cycle;
        private final double faultRate;
        private int pages;

        Scenario(Random random) {
            this.random = random;
            this.cursorMode = pick("last", "alternate", "cycle", "growing-cycle", "random-few", "huge-cursor");
            this.cycle = 2 + random.nextInt(30);
            this.faultRate = random.nextInt(3) == 0 ? 0.3 : 0.02;
        }

        String[] command(Path plugins, Path pulled) {
            return switch (random.nextInt(7)) {
                case 0 -> new String[] {"list"};
                case 1 -> new String[] {"list", "--output", "json"};
                case 2 -> new String[] {"get", "alpha"};
                case 3 -> new String[] {"plan", plugins.toString()};
                case 4 -> new String[] {"plan", plugins.toString(), "--output", "json"};
                case 5 -> new String[] {"get", "alpha", "--output", "json"};
                default -> new String[] {"pull", pulled.toString()};
            };
        }

        synchronized Answer answer(String kind, String cursor, String authorization) {
            if (random.nextDouble() < faultRate) {
                return fault();
            }
            if (kind.equals("get")) {
                return Answer.json(plugin(random.nextBoolean() ? "alpha" : hostile()).toString());
            }
            if (kind.equals("other")) {
                return new Answer(404, "{\"message\":\"no " + hostile().replace("\"", "") + "\"}", 1);
            }
            List<ObjectNode> items = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                items.add(plugin(random.nextInt(4) == 0 ? "alpha" : hostile()));
            }
            return Answer.json(HostileServerCliTest.page(next(cursor), items.toArray(ObjectNode[]::new)));
        }

        private String next(String cursor) {
            pages++;
            return switch (cursorMode) {
                case "last" -> pages < cycle ? "page-" + pages : null;
                case "alternate" -> "a".equals(cursor) ? "b" : "a";
                case "cycle" -> "c" + (pages % cycle);
                case "growing-cycle" -> "g".repeat(1 + pages % cycle);
                case "random-few" -> "r" + random.nextInt(4);
                default -> "h".repeat(50_000) + (pages % cycle);
            };
        }

        private Answer fault() {
            return switch (random.nextInt(9)) {
                case 0 -> new Answer(401, "{\"message\":\"Bearer " + HostileKonnect.TOKEN + " " + hostile()
                        .replace("\"", "") + "\"}", 1);
                case 1 -> new Answer(400, "{\"detail\":\"" + HostileKonnect.TOKEN + "\",\"invalid_parameters\":"
                        + "[{\"field\":\"\\u001b[2J::add-mask::x\",\"reason\":\"" + HostileKonnect.TOKEN + "\"}]}", 1);
                case 2 -> new Answer(200, "{\"data\":[null]}", 1);
                case 3 -> new Answer(200, "{\"data\":[{\"handler\":\"h\",\"schema\":\"s\"}]}", 1);
                case 4 -> new Answer(200, "{\"data\":[{\"name\":{\"x\":1}}],\"offset\":[]}", 1);
                case 5 -> new Answer(200, "<html>\u001b[31m" + HostileKonnect.TOKEN, 1);
                case 6 -> new Answer(200, " ".repeat(64 * 1024), 600);
                case 7 -> new Answer(409, "\u001b]0;" + HostileKonnect.TOKEN + "\u0007\n::error::x", 1);
                default -> new Answer(200, "{\"data\":[{\"name\":\"n\",\"handler\":\"" + "-- x\\n".repeat(
                        30_000) + "\",\"schema\":\"s\"}]}", 1);
            };
        }

        private ObjectNode plugin(String name) {
            StringBuilder handler = new StringBuilder("local h = {}\n");
            int lines = random.nextInt(4) == 0 ? 3_000 + random.nextInt(3_000) : random.nextInt(20);
            for (int i = 0; i < lines; i++) {
                handler.append(random.nextInt(10) == 0 ? hostile() : "x" + random.nextInt(1000)).append('\n');
            }
            ObjectNode plugin = HostileServerCliTest.plugin(name, handler.append("return h\n").toString());
            plugin.put("id", hostile());
            plugin.putArray("tags").add(hostile()).add("t");
            return plugin;
        }

        private String hostile() {
            StringBuilder out = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int i = 0; i < pieces; i++) {
                out.append(HOSTILE_PIECES[random.nextInt(HOSTILE_PIECES.length)]);
            }
            return out.toString();
        }

        private String pick(String... values) {
            return values[random.nextInt(values.length)];
        }
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured")).toList();
    }
}
