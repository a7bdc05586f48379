package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the input, validation ends quickly with diagnostics, never a crash or a hang. */
class RobustnessTest {
    private static final long SEED = 0x5EED_C0DEL;
    private static final String ALPHABET = " \n\t()[]{}=.,:;\"'\\-+*/%^#<>~0123456789abcdefxyzLLUi_"
            + "localfunctionendreturnifthenelsegotoforindowhilerepeatuntil[[]]--é\u0000";

    @TempDir
    Path tmp;

    private static void validates(String handler, String schema) {
        ValidationResult result = Plugins.VALIDATOR.validate(PluginSource.of("fuzz", handler, schema));
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.rule()).isNotBlank();
            assertThat(d.message()).isNotBlank();
        });
    }

    @Test
    @Timeout(60)
    void randomTokenSoupNeverCrashes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            StringBuilder soup = new StringBuilder();
            int length = random.nextInt(400);
            for (int j = 0; j < length; j++) {
                soup.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            validates(soup.toString(), Plugins.GOOD_SCHEMA);
            validates(Plugins.GOOD_HANDLER, soup.toString());
        }
    }

    @Test
    @Timeout(60)
    void mutatedPluginsNeverCrash() {
        Random random = new Random(SEED);
        String handler = Plugins.GOOD_HANDLER;
        for (int i = 0; i < 300; i++) {
            StringBuilder mutated = new StringBuilder(handler);
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.deleteCharAt(at);
                    case 1 -> mutated.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> mutated.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            validates(mutated.toString(), Plugins.GOOD_SCHEMA);
        }
    }

    @Test
    @Timeout(60)
    void randomBytesAreDiagnosed() throws IOException {
        Random random = new Random(SEED);
        Path dir = Files.createDirectories(tmp.resolve("bytes"));
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            Files.write(dir.resolve("handler.lua"), bytes);
            Files.write(dir.resolve("schema.lua"), bytes);
            assertThat(Plugins.VALIDATOR.validateDirectory(dir).valid()).isFalse();
        }
    }

    @Test
    @Timeout(30)
    void emptyAndHugeFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("huge"));
        Files.writeString(dir.resolve("handler.lua"), "");
        Files.writeString(dir.resolve("schema.lua"), "");
        assertThat(Plugins.VALIDATOR.validateDirectory(dir).errors()).extracting(d -> d.rule())
                .contains(Rules.HANDLER_SHAPE, Rules.SCHEMA_SHAPE);
        Files.writeString(dir.resolve("handler.lua"), "local x = 1\n".repeat(900_000));
        assertThat(Plugins.VALIDATOR.validateDirectory(dir).errors()).extracting(d -> d.rule())
                .contains(Rules.FILES_SIZE);
    }

    @Test
    @Timeout(300)
    void runawayTopLevelCodeIsStopped() {
        // Each ends at a limit of the evaluation (instructions, stack depth, memory), well within its time limit.
        for (String[] plugin : new String[][] {
            {"local t = {} while true do t[#t % 10 + 1] = 1 end", Plugins.GOOD_SCHEMA},
            {"local function f() return f() end return f()", Plugins.GOOD_SCHEMA},
            {"local function f(n) return 1 + f(n + 1) end f(1)", Plugins.GOOD_SCHEMA},
            {"local s = string.rep('x', 1e9)", Plugins.GOOD_SCHEMA},
            {"local s = 'x' for i = 1, 40 do s = s .. s end", Plugins.GOOD_SCHEMA},
            {Plugins.GOOD_HANDLER, "repeat until false"}}) {
            long start = System.nanoTime();
            validates(plugin[0], plugin[1]);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
        }
    }

    @Test
    @Timeout(30)
    void deeplyNestedExpressions() {
        validates("return " + "-".repeat(20_000) + "1", Plugins.GOOD_SCHEMA);
        validates("return " + "not ".repeat(20_000) + "true", Plugins.GOOD_SCHEMA);
        validates("return " + "{".repeat(20_000), Plugins.GOOD_SCHEMA);
        validates("return " + "f(".repeat(20_000), Plugins.GOOD_SCHEMA);
        validates("return 1" + " .. 1".repeat(20_000), Plugins.GOOD_SCHEMA);
        validates("return a" + ".b".repeat(20_000), Plugins.GOOD_SCHEMA);
        validates("return a" + "[1]".repeat(20_000), Plugins.GOOD_SCHEMA);
        validates("return f" + "()".repeat(20_000), Plugins.GOOD_SCHEMA);
    }
}
