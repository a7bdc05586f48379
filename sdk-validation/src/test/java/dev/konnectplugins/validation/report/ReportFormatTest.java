package dev.konnectplugins.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.validation.PluginValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four report formats, on plugins checked by the validator. */
class ReportFormatTest {
    private static final String HANDLER = """
            -- stream-headers: sends the response headers to a collector
            local StreamHeaders = {
              PRIORITY = 900,
              VERSION = "1.0.0",
            }

            function StreamHeaders:log(conf)
              -- push the headers out later
              local ok, err = ngx.timer.at(0, function() end)
            end

            return StreamHeaders
            """;
    private static final String SCHEMA = """
            return {
              name = "stream-headers",
              fields = { { config = { type = "record", fields = {} } } },
            }
            """;

    @TempDir
    Path tmp;
    private Path bad;
    private Path good;
    @BeforeEach
    void plugins() throws IOException {
        bad = Files.createDirectories(tmp.resolve("stream-headers"));
        Files.writeString(bad.resolve("handler.lua"), HANDLER);
        Files.writeString(bad.resolve("schema.lua"), SCHEMA);
        good = Files.createDirectories(tmp.resolve("good-one"));
        Files.writeString(good.resolve("handler.lua"), HANDLER.replace("ngx.timer.at(0, function() end)", "true"));
        Files.writeString(good.resolve("schema.lua"), SCHEMA.replace("stream-headers", "good-one"));
    }

    private static String render(ReportFormat format, Path... plugins) {
        PluginValidator validator = PluginValidator.builder().build();
        return format.render(Arrays.stream(plugins)
                .map(plugin -> new CheckedPlugin(plugin.toString(), validator.validateDirectory(plugin))).toList());
    }

    @Test
    void textOutputIsLuacheckStyle() {
        assertThat(render(ReportFormat.TEXT, bad)).startsWith(bad + "/handler.lua:9:19: error [sandbox.timer] (run time) 'ngx.timer.at' creates a timer")
                .contains("1 plugin checked: 1 invalid (1 error, 0 warnings)");
    }

    @Test
    void aValidPluginIsSummedUpAsAllValid() {
        assertThat(render(ReportFormat.TEXT, good)).isEqualTo("1 plugin checked: all valid (0 errors, 0 warnings)\n");
    }

    @Test
    void jsonOutputIsExactlyTheDocumentedShape() {
        String path = bad.toString().replace("\\", "\\\\");
        assertThat(render(ReportFormat.JSON, bad, good)).startsWith("{\"plugins\":[{\"path\":\"" + path + "\",\"name\":\"stream-headers\","
                + "\"valid\":false,\"diagnostics\":[{\"rule\":\"sandbox.timer\",\"severity\":\"error\",\"stage\":\"runtime\","
                + "\"file\":\"handler.lua\",\"line\":9,\"column\":19,\"message\":\"'ngx.timer.at' creates a timer")
                .endsWith("\"diagnostics\":[]}]}\n")
                .contains(",{\"path\":\"" + good.toString().replace("\\", "\\\\") + "\",\"name\":\"good-one\",\"valid\":true,");
    }

    @Test
    void githubOutputIsWorkflowCommands() {
        assertThat(render(ReportFormat.GITHUB, bad)).startsWith("::error file=" + bad + "/handler.lua,line=9,col=19,title=sandbox.timer (run time)::"
                + "[sandbox.timer] (run time) 'ngx.timer.at' creates a timer");
    }

    @Test
    void sarifOutputIsSarif210() {
        assertThat(render(ReportFormat.SARIF, bad)).startsWith("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\"")
                .contains("{\"id\":\"sandbox.timer\",\"shortDescription\"")
                .contains("\"ruleId\":\"sandbox.timer\",\"level\":\"error\"")
                .contains("\"region\":{\"startLine\":9,\"startColumn\":19}")
                .contains("\"properties\":{\"stage\":\"runtime\"}");
    }

    @Test
    void formatsAreNamedByTheirLowerCaseLabel() {
        assertThat(ReportFormat.named("sarif")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.named("sarf")).isEmpty();
        assertThat(ReportFormat.GITHUB.label()).isEqualTo("github");
    }
}
