package dev.konnectplugins.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        ValidationResult result = PluginValidator.builder().build().validateDirectory(plugin);
        String out = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT))
                .render(List.of(new CheckedPlugin(plugin.toString(), result)));
        assertThat(result.valid()).isFalse();
        assertThat(out).containsPattern("x{100}\\.\\.\\. \\(419430\\d\\d characters\\)").hasSizeLessThan(20_000);
        assertThat(Arrays.stream(out.split("\n"))).allSatisfy(line -> assertThat(line).hasSizeLessThan(10_000));
    }
}
