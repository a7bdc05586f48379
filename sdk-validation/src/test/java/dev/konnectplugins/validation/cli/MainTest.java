package dev.konnectplugins.validation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
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
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void plugins() throws IOException {
        bad = Files.createDirectories(tmp.resolve("stream-headers"));
        Files.writeString(bad.resolve("handler.lua"), HANDLER);
        Files.writeString(bad.resolve("schema.lua"), SCHEMA);
        good = Files.createDirectories(tmp.resolve("good-one"));
        Files.writeString(good.resolve("handler.lua"), HANDLER.replace("ngx.timer.at(0, function() end)", "true"));
        Files.writeString(good.resolve("schema.lua"), SCHEMA.replace("stream-headers", "good-one"));
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textOutputIsLuacheckStyleAndExitsOneWhenInvalid() {
        assertThat(run(bad.toString())).isEqualTo(Main.INVALID);
        assertThat(out()).startsWith(bad + "/handler.lua:9:19: error [sandbox.timer] (run time) 'ngx.timer.at' creates a "
                + "timer")
                .contains("1 plugin checked: 1 invalid (1 error, 0 warnings)");
    }

    @Test
    void exitsZeroWhenEveryPluginIsValid() {
        assertThat(run(good.toString())).isEqualTo(Main.VALID);
        assertThat(out()).contains("all valid");
    }

    @Test
    void jsonOutputIsExactlyTheDocumentedShape() {
        assertThat(run("--format", "json", bad.toString(), good.toString())).isEqualTo(Main.INVALID);
        String path = bad.toString().replace("\\", "\\\\");
        assertThat(out()).startsWith("{\"plugins\":[{\"path\":\"" + path + "\",\"name\":\"stream-headers\","
                + "\"valid\":false,\"diagnostics\":[{\"rule\":\"sandbox.timer\",\"severity\":\"error\","
                + "\"stage\":\"runtime\",\"file\":\"handler.lua\",\"line\":9,\"column\":19,\"message\":\"'ngx.timer.at' creates a timer")
                .endsWith("\"diagnostics\":[]}]}\n")
                .contains(",{\"path\":\"" + good.toString().replace("\\", "\\\\") + "\",\"name\":\"good-one\",\"valid\":true,");
    }

    @Test
    void githubOutputIsWorkflowCommands() {
        assertThat(run("--format=github", bad.toString())).isEqualTo(Main.INVALID);
        assertThat(out()).startsWith("::error file=" + bad + "/handler.lua,line=9,col=19,title=sandbox.timer (run time)::"
                + "[sandbox.timer] (run time) 'ngx.timer.at' creates a timer");
    }

    @Test
    void sarifOutputIsSarif210() {
        assertThat(run("--format", "sarif", bad.toString())).isEqualTo(Main.INVALID);
        assertThat(out()).startsWith("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\"")
                .contains("{\"id\":\"sandbox.timer\",\"shortDescription\"")
                .contains("\"ruleId\":\"sandbox.timer\",\"level\":\"error\"")
                .contains("\"region\":{\"startLine\":9,\"startColumn\":19}")
                .contains("\"properties\":{\"stage\":\"runtime\"}");
    }

    @Test
    void nameOptionOverridesTheDirectoryName() {
        assertThat(run("--name", "stream-headers", "--format", "json", good.toString())).isEqualTo(Main.INVALID);
        assertThat(out()).contains("\"rule\":\"name.mismatch\"");
    }

    @Test
    void maxFileSizeOption() {
        assertThat(run("--max-file-size", "10", good.toString())).isEqualTo(Main.INVALID);
        assertThat(out()).contains("[files.size]");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(run("--format", "xml", good.toString())).isEqualTo(Main.USAGE);
        assertThat(run("--max-file-size", "big", good.toString())).isEqualTo(Main.USAGE);
        assertThat(run("--bogus", good.toString())).isEqualTo(Main.USAGE);
        assertThat(run("--bogus")).isEqualTo(Main.USAGE);
        assertThat(run("--name")).isEqualTo(Main.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("Usage:")
                .contains("unknown option --bogus").doesNotContain("--bogus needs a value")
                .contains("option --name needs a value");
    }

    @Test
    void unreadableInputExitsTwo() throws IOException {
        assertThat(run(tmp.resolve("missing").toString())).isEqualTo(Main.USAGE);
        Path file = Files.writeString(tmp.resolve("file.lua"), "x");
        assertThat(run(file.toString())).isEqualTo(Main.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("No such directory").contains("Not a directory");
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isEqualTo(Main.VALID);
        assertThat(out()).contains("Usage: konnect-plugins-validate");
    }
}
