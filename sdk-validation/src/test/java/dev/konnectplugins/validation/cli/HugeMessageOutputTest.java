package dev.konnectplugins.validation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, item 1: a plugin that raises a 40 MB error message gives one short diagnostic in every format (it gave
 * a 220 MB line in text, and an OutOfMemoryError in json and github).
 */
class HugeMessageOutputTest {
    @TempDir
    static Path tmp;
    private static Path plugin;

    @BeforeAll
    static void plugin() throws IOException {
        plugin = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(plugin.resolve("handler.lua"), "error(('x'):rep(40 * 1024 * 1024))\n");
        Files.writeString(plugin.resolve("schema.lua"), """
                return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "github", "sarif"})
    @Timeout(120)
    void aFortyMegabyteErrorMessageIsOneShortDiagnostic(String format) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--format", format, plugin.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as("stderr: %s", stderr).isEqualTo(Main.INVALID);
        assertThat(out).containsPattern("x{100}\\.\\.\\. \\(419430\\d\\d characters\\)").hasSizeLessThan(20_000);
        assertThat(Arrays.stream(out.split("\n"))).allSatisfy(line -> assertThat(line).hasSizeLessThan(10_000));
    }
}
