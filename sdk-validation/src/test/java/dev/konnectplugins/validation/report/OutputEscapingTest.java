package dev.konnectplugins.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, row 11: plugin text in a report cannot forge lines, workflow commands or terminal escapes. */
class OutputEscapingTest {
    private static final String HANDLER = "return { PRIORITY = 1, VERSION = '1.0.0' }\n";
    /** A Lua error whose message starts a GitHub workflow command on a line of its own, and an ANSI escape. */
    private static final String SCHEMA = "error('boom\\n::error file=.github/workflows/ci.yml,line=1::pwned\\r\\n"
            + "\\27[31mred\\27[0m 100%')\n";

    @TempDir
    Path tmp;
    private Path plugin;

    @BeforeEach
    void plugin() throws IOException {
        plugin = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(plugin.resolve("handler.lua"), HANDLER);
        Files.writeString(plugin.resolve("schema.lua"), SCHEMA);
    }

    private static String render(ReportFormat format, Path plugin) {
        return format.render(List.of(new CheckedPlugin(plugin.toString(),
                PluginValidator.builder().build().validateDirectory(plugin))));
    }

    private String render(String format) {
        return render(ReportFormat.named(format).orElseThrow(), plugin);
    }

    private static List<String> lines(String output) {
        return Arrays.asList(output.split("\n", -1));
    }

    @Test
    void textKeepsALuaErrorOnOneLineAndNoLineStartsAWorkflowCommand() {
        String out = render("text");
        assertThat(lines(out)).noneMatch(line -> line.startsWith("::")).noneMatch(line -> line.contains("\r"));
        assertThat(out).doesNotContain("\u001b")
                .contains("boom\\n::error file=.github/workflows/ci.yml,line=1::pwned\\r\\n\\u001b[31mred\\u001b[0m");
        assertThat(lines(out)).hasSize(3); // the diagnostic, the summary, and the empty rest after the last newline
    }

    @Test
    void githubUsesGitHubsEscapingAndShowsOtherControlCharacters() {
        String out = render("github");
        assertThat(lines(out)).hasSize(2).first().asString().startsWith("::error file=")
                .contains("boom%0A::error file=.github/workflows/ci.yml,line=1::pwned%0D%0A\\u001b[31mred\\u001b[0m 100%25");
    }

    @Test
    void githubPropertiesEscapeColonsAndCommas() throws IOException {
        Path odd = Files.createDirectories(tmp.resolve("a,b:c"));
        Files.writeString(odd.resolve("handler.lua"), HANDLER);
        Files.writeString(odd.resolve("schema.lua"), SCHEMA);
        assertThat(render(ReportFormat.GITHUB, odd)).contains("a%2Cb%3Ac/schema.lua");
    }

    @Test
    void jsonAndSarifEscapeEveryControlCharacter() {
        for (String format : List.of("json", "sarif")) {
            String out = render(format);
            assertThat(lines(out)).as(format).hasSize(2);
            assertThat(out).as(format).doesNotContain("\u001b", "\r")
                    .contains("boom\\n::error file=.github/workflows/ci.yml,line=1::pwned\\r\\n\\u001b[31mred");
        }
    }

    @Test
    void aFolderNamedLikeAWorkflowCommandDoesNotStartALine() {
        String folder = "::error file=x::y";
        CheckedPlugin checked = new CheckedPlugin(folder, new ValidationResult(folder, "y", List.of(
                new Diagnostic("lua.syntax", Severity.ERROR, "handler.lua", 1, 1, "m"))));
        assertThat(ReportFormat.TEXT.render(List.of(checked)))
                .startsWith("./::error file=x::y/handler.lua:1:1: error [lua.syntax] (upload) m\n");
    }
}
