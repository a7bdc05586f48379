package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.cli.HostileKonnect.Answer;
import dev.konnectplugins.internal.sync.SafeText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: the CLI against a server that lies. Whatever it sends, a command ends by itself, with exit 3 or 4 and
 * one line when it fails, never prints the token, a raw control character or a line starting with {@code ::}.
 */
class HostileServerCliTest {
    /** What a hostile name carries: an ANSI colour, a CR that rewrites the line, separators, a bidi override. */
    static final String HOSTILE_NAME = "evil\u001b[31m\rPlan: 0 to create\u2028\u202egnp.exe\u0085x";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aLoopingCursorEndsListWithExit3AfterPrintingThePagesItGot() throws Exception {
        try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> Answer.json(page(
                cursor == null ? "a" : cursor.equals("a") ? "b" : "a", plugin("p-" + cursor, "h"))))) {
            Run list = run(konnect, "list");

            assertThat(list.exitCode).as(list.toString()).isEqualTo(3);
            assertThat(list.out.lines()).containsExactly("p-null  id  t", "p-a  id  t", "p-b  id  t");
            assertThat(list.err.lines()).singleElement().asString().startsWith("konnect-plugins list: ")
                    .contains("repeats the one of page 1", "(GET /v2/control-planes/");
            assertSafe(list);
        }
    }

    @Test
    void serverTextIsEscapedInListTextAndExactInListJson() throws Exception {
        try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> Answer.json(page(null,
                plugin(HOSTILE_NAME, "h"), plugin("::add-mask::x", "h"), plugin("  ::error file=a::b", "h"))))) {
            Run text = run(konnect, "list");
            assertThat(text.exitCode).as(text.toString()).isZero();
            assertThat(text.out).contains("evil\\u001b[31m\\rPlan: 0 to create\\u2028\\u202egnp.exe\\u0085x  id",
                    "\\u003a:add-mask::x", "  \\u003a:error file=a::b");
            assertSafe(text);

            Run json = run(konnect, "list", "--output", "json");
            assertThat(json.exitCode).as(json.toString()).isZero();
            assertSafe(json);
            JsonNode parsed = MAPPER.readTree(json.out);
            assertThat(parsed.get(0).get("name").asText()).isEqualTo(HOSTILE_NAME);
            assertThat(parsed.get(1).get("name").asText()).isEqualTo("::add-mask::x");
        }
    }

    @Test
    void aPlanShowsHostileRemoteLuaAndNamesEscapedAndItsOwnPlanLineOnce() throws Exception {
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "alpha", "X-Alpha");
        String handler = "local h = {}\n::add-mask::" + HostileKonnect.TOKEN + "\n\u001b]0;title\u0007\n"
                + "Plan: 9 to create\r\nreturn h\n";
        try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> Answer.json(page(null,
                plugin("alpha", handler), plugin(HOSTILE_NAME, "h"))))) {
            for (String output : new String[] {"text", "json"}) {
                Run plan = run(konnect, "plan", plugins.toString(), "--output", output);

                // Blocked: the remote alpha is not managed. Its diff is shown all the same.
                assertThat(plan.exitCode).as(plan.toString()).isEqualTo(1);
                assertSafe(plan);
                if (output.equals("text")) {
                    assertThat(plan.out.lines().filter(line -> line.startsWith("Plan:"))).hasSize(1);
                    assertThat(plan.out).contains("-::add-mask::***", "\\u001b]0;title\\u0007",
                            "= evil\\u001b[31m\\rPlan: 0 to create");
                } else {
                    assertThat(MAPPER.readTree(plan.out).get(0).get("changes").toString()).contains("***");
                }
            }
        }
    }

    @Test
    void theTokenEchoedByAnErrorOrAProxyPageNeverReachesTheOutput() throws Exception {
        for (Answer answer : new Answer[] {
                new Answer(401, "{\"message\":\"bad token: Bearer " + HostileKonnect.TOKEN + "\"}", 1),
                new Answer(400, "{\"detail\":\"" + HostileKonnect.TOKEN + "\",\"invalid_parameters\":[{\"field\":\""
                        + HostileKonnect.TOKEN + "\",\"reason\":\"x\"}]}", 1),
                new Answer(502, "<html><title>Bad gateway for Authorization: Bearer " + HostileKonnect.TOKEN
                        + "</title></html>", 1)}) {
            try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> answer)) {
                Run list = run(konnect, "list");

                assertThat(list.exitCode).as(list.toString()).isEqualTo(3);
                assertThat(list.err.lines()).singleElement().asString().contains("***");
                assertSafe(list);
            }
        }
    }

    @Test
    void aPluginWithoutANameIsExit3WithAClearLineNotAJvmMessage() throws Exception {
        try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> kind.equals("get")
                ? Answer.json("{\"id\":\"x\",\"handler\":\"h\"}")
                : Answer.json("{\"data\":[{\"handler\":\"h\",\"schema\":\"s\"}]}"))) {
            Path plugins = work.resolve("plugins");
            SamplePlugins.write(plugins, "alpha", "X-Alpha");
            for (String[] args : new String[][] {{"list"}, {"get", "p"}, {"plan", plugins.toString()},
                    {"pull", work.resolve("pulled").toString()}}) {
                Run run = run(konnect, args);

                assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
                assertThat(run.out + run.err).contains("has no name").doesNotContain("Cannot invoke", "null");
                assertSafe(run);
            }
        }
    }

    @Test
    void endlessHugePagesEndWithExit4InsteadOfFillingTheHeap() throws Exception {
        String chunk = " ".repeat(64 * 1024);
        try (HostileKonnect konnect = new HostileKonnect((kind, cursor, auth) -> new Answer(200, chunk, 1024))) {
            Run list = run(konnect, "list");

            assertThat(list.exitCode).as(list.toString()).isEqualTo(4);
            assertThat(list.err.lines()).singleElement().asString().contains("maxResponseBytes");
            assertSafe(list);
        }
    }

    /** The promises every hostile run keeps, whatever it ended with. */
    static void assertSafe(Run run) {
        for (String stream : List.of(run.out, run.err)) {
            assertThat(stream).as(run.toString()).doesNotContain(HostileKonnect.TOKEN);
            assertThat(stream.chars().filter(c -> c != '\n' && c != '\t' && SafeText.unsafe((char) c)))
                    .as("raw control characters in " + run).isEmpty();
            assertThat(stream.lines().filter(line -> line.stripLeading().startsWith("::")))
                    .as("workflow commands in " + run).isEmpty();
        }
    }

    static String page(String next, ObjectNode... plugins) {
        ObjectNode page = MAPPER.createObjectNode();
        ArrayNode data = page.putArray("data");
        for (ObjectNode plugin : plugins) {
            data.add(plugin);
        }
        if (next != null) {
            page.put("offset", next);
        }
        return page.toString();
    }

    static ObjectNode plugin(String name, String handler) {
        ObjectNode plugin = MAPPER.createObjectNode().put("id", "id").put("name", name).put("handler", handler)
                .put("schema", "return { name = \"" + name + "\", fields = {} }");
        plugin.putArray("tags").add("t");
        return plugin;
    }

    /** Runs a command; one that does not end in two minutes (a listing that loops) fails instead of hanging. */
    static Run run(HostileKonnect konnect, String... args) {
        return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> runNow(konnect, args),
                () -> String.join(" ", args) + " did not end");
    }

    private static Run runNow(HostileKonnect konnect, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("KONNECT_TOKEN", HostileKonnect.TOKEN);
        env.put("KONNECT_BASE_URL", konnect.baseUrl().toString());
        env.put("KONNECT_CONTROL_PLANE", HostileKonnect.CONTROL_PLANE_ID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
