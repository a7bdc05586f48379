package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.konnectplugins.testkit.FakeKonnect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every subcommand of the shaded jar with {@code java -jar}, in a new process, as a user or a CI job would,
 * against a FakeKonnect given through the environment.
 */
class CliJarIT {
    private static FakeKonnect fake;
    private static Path jar;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        String property = System.getProperty("konnect.cli.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            fail("The shaded jar is missing (" + property + "): run this test through Maven's verify phase");
        }
        jar = Path.of(property);
        fake = FakeKonnect.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void everySubcommandRunsFromTheJar() throws IOException {
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "stream-headers", "X-One");

        Result help = cli("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).startsWith("Usage: konnect-plugins [-hV] [COMMAND]")
                .contains("validate", "plan, diff", "sync", "pull", "list", "get", "delete", "Exit status:");
        assertThat(cli("--version").out).isEqualTo("konnect-plugins " + System.getProperty("konnect.cli.version")
                + "\n");

        Result validate = cli("validate", "--format", "json", plugins.toString());
        assertThat(validate.exitCode).as(validate.toString()).isZero();
        assertThat(validate.out).contains("\"name\":\"stream-headers\",\"valid\":true");

        Result plan = cli("plan", plugins.toString(), "--detailed-exitcode");
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out).contains("Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged.");

        Result sync = cli("sync", plugins.toString(), "--tag", "team-a");
        assertThat(sync.exitCode).as(sync.toString()).isZero();
        assertThat(sync.out).contains("+ stream-headers created");

        Files.writeString(plugins.resolve("stream-headers/handler.lua"), SamplePlugins.handler("X-Two"));
        Result diff = cli("diff", plugins.toString(), "--tag", "team-a");
        assertThat(diff.exitCode).as(diff.toString()).isZero();
        assertThat(diff.out).contains("~ stream-headers (update: handler.lua)",
                "    --- konnect/stream-headers/handler.lua", "    +++ local/stream-headers/handler.lua");

        Result list = cli("list", "--output", "json");
        assertThat(list.exitCode).as(list.toString()).isZero();
        assertThat(list.out).contains("\"name\" : \"stream-headers\"", "\"team-a\"");

        Result get = cli("get", "stream-headers");
        assertThat(get.exitCode).as(get.toString()).isZero();
        assertThat(get.out).contains("X-One");

        Path pulled = work.resolve("pulled");
        Result pull = cli("pull", pulled.toString());
        assertThat(pull.exitCode).as(pull.toString()).isZero();
        assertThat(Files.readString(pulled.resolve("stream-headers/schema.lua")))
                .isEqualTo(SamplePlugins.schema("stream-headers"));

        Result delete = cli("delete", "stream-headers");
        assertThat(delete.exitCode).as(delete.toString()).isZero();
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();

        Result completion = cli("generate-completion");
        assertThat(completion.exitCode).isZero();
        assertThat(completion.out).contains("konnect-plugins");
    }

    /**
     * In a fresh JVM, {@code validate} starts the validator's preload threads and, with {@code --jobs}, validations
     * on more threads: all of them first meet luaj's and the validator's classes uninitialised. Repeated, because a
     * class-initialisation deadlock between them would show only in some interleavings (as a timeout).
     */
    @Test
    void validationsInAFreshJvmRunBesideThePreload() throws IOException {
        Path plugins = work.resolve("many");
        for (int i = 0; i < 4; i++) {
            SamplePlugins.write(plugins, "plugin-" + i, "X-" + i);
        }
        for (int run = 0; run < 5; run++) {
            Result result = cli("validate", "--jobs", "4", plugins.toString());

            assertThat(result.exitCode).as(result.toString()).isZero();
            assertThat(result.out).as(result.toString()).contains("4 plugins checked: all valid");
        }
    }

    @Test
    void badUsageFromTheJarIsExit64WithTheReasonOnStderr() {
        Result result = cli("sync", "--prune");

        assertThat(result.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(result.err).startsWith("konnect-plugins sync: Missing required parameter: 'FOLDER'");
    }

    private static Result cli(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KONNECT_"));
        builder.environment().put("KONNECT_TOKEN", fake.token());
        builder.environment().put("KONNECT_BASE_URL", fake.baseUrl().toString());
        builder.environment().put("KONNECT_CONTROL_PLANE", fake.controlPlaneName());
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
