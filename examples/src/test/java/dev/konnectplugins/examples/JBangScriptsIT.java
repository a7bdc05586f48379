package dev.konnectplugins.examples;

import static dev.konnectplugins.examples.BuildFixture.deleteRecursively;
import static dev.konnectplugins.examples.BuildFixture.property;
import static dev.konnectplugins.examples.BuildFixture.requireDeployed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs each script in {@code examples/jbang} with JBang (from Maven Central, see the pom), as a user would, against
 * a FakeKonnect, and checks its output and the exit status its {@code --help} promises.
 *
 * <p>The scripts' SDK {@code //DEPS} come from the build repository that the SDK modules deploy themselves to during
 * {@code verify} (so {@code mvn verify} from the repository root tests this build's jars, whatever {@code ~/.m2}
 * holds); their other dependencies come from the local Maven repository, read as a remote one into a JBang
 * repository of their own, so nothing this test resolves lands in {@code ~/.m2}.
 */
class JBangScriptsIT {
    /** The CLI's exit status for bad usage (sysexits' EX_USAGE). */
    private static final int USAGE = 64;
    private static final String PLUGIN = SamplePlugin.NAME;

    private static Path scripts;
    private static Path work;
    private static JBang jbang;
    private static FakeKonnect konnect;

    @BeforeAll
    static void setUp() throws IOException {
        scripts = Path.of(property("konnect.examples.jbang.scripts"));
        work = Path.of(property("konnect.examples.work"));
        Path lib = Path.of(property("konnect.examples.jbang.lib"));
        Path jbangHome = Path.of(property("konnect.examples.jbang.dir"));
        Path buildRepository = Path.of(property("konnect.examples.build.repository"));
        Path localRepository = Path.of(property("konnect.examples.local.repository"));
        requireDeployed(buildRepository, "sdk-core", "The JBang scripts");
        requireDeployed(buildRepository, "sdk-validation", "The JBang scripts");
        requireDeployed(buildRepository, "konnect-plugins-cli", "The JBang scripts");
        if (!Files.isDirectory(lib) || listing(lib).noneMatch(jar -> jar.startsWith("jbang-cli-"))) {
            fail("jbang-cli is not in " + lib + "; the pre-integration-test phase copies it there: run mvn verify");
        }
        // A fresh JBang home each run: scripts are compiled against today's SDK jars, not yesterday's cache.
        deleteRecursively(jbangHome);
        deleteRecursively(work);
        Files.createDirectories(work);
        jbang = new JBang(lib, Map.of("JBANG_DIR", jbangHome.toString(),
                "JBANG_REPO", jbangHome.resolve("repository").toString(), "JAVA_HOME", System.getProperty("java.home")),
                List.of("build=" + buildRepository.toUri(), "local=" + localRepository.toUri(), "mavencentral"));
        konnect = FakeKonnect.start();
    }

    @AfterAll
    static void tearDown() {
        if (konnect != null) {
            konnect.close();
        }
    }

    @BeforeEach
    void reset() {
        konnect.reset();
    }

    @Test
    void scriptsDependOnThisVersionOfTheSdk() throws IOException {
        String version = property("konnect.examples.version");
        Pattern sdkDependency = Pattern.compile("^//DEPS dev\\.konnectplugins:[a-z-]+:(.+)$", Pattern.MULTILINE);
        for (String script : List.of("validate.java", "push.java", "list.java", "delete.java")) {
            Matcher deps = sdkDependency.matcher(Files.readString(scripts.resolve(script)));
            assertThat(deps.find()).as(script + " has a //DEPS dev.konnectplugins line").isTrue();
            do {
                assertThat(deps.group(1)).as(script).isEqualTo(version);
            } while (deps.find());
        }
    }

    @Test
    void pushCreatesThenUpdatesListShowsItDeleteRemovesIt() {
        JBang.Result created = script("push.java", sample(), "--tag", "team-a");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged.",
                "  + stream-headers created");
        assertThat(stored().tags()).containsExactly("konnect-plugins-managed", "team-a");

        JBang.Result updated = script("push.java", sample(), "--tag=team-b", "--tag", "prod");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.out()).contains("  ~ stream-headers (update: tags)", "  ~ stream-headers updated");
        assertThat(stored().tags()).containsExactly("konnect-plugins-managed", "team-b", "prod");

        JBang.Result listed = script("list.java");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).isEqualTo(PLUGIN + "  " + stored().id()
                + "  [konnect-plugins-managed, team-b, prod]\n");

        JBang.Result deleted = script("delete.java", PLUGIN);
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("Deleted stream-headers\n");
        assertThat(konnect.customPlugins(konnect.controlPlaneId())).isEmpty();

        JBang.Result again = script("delete.java", PLUGIN);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo("Not found, nothing to delete: stream-headers\n");
    }

    @Test
    void controlPlaneMayBeGivenByIdAndOptionsOverrideTheEnvironment() {
        Map<String, String> env = environment();
        env.put("KONNECT_CONTROL_PLANE", "no-such-control-plane");

        JBang.Result deleted = jbang.run(env, scripts.resolve("delete.java"), "--control-plane",
                konnect.controlPlaneId(), PLUGIN);

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("Not found, nothing to delete: stream-headers\n");
    }

    @Test
    void validateAcceptsTheSampleAndRefusesATimer() throws IOException {
        JBang.Result good = script("validate.java", sample());
        assertThat(good.exitCode()).as(good.toString()).isZero();

        JBang.Result bad = script("validate.java", timerPlugin().toString());
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.out()).contains("[sandbox.timer]");
    }

    @Test
    void pushRefusesAnInvalidPluginWithoutSendingIt() throws IOException {
        JBang.Result refused = script("push.java", timerPlugin().toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("sandbox.timer").contains("nothing was written");
        assertThat(konnect.requests()).isEmpty();
    }

    @Test
    void theCliScriptsExplainThemselvesAndTheirExitStatus() {
        for (String name : List.of("validate.java", "push.java", "delete.java")) {
            JBang.Result help = script(name, "--help");
            assertThat(help.exitCode()).as(name + "\n" + help).isZero();
            assertThat(help.out()).as(name).startsWith("Usage: konnect-plugins ");
        }
        assertThat(script("push.java", "--help").out()).contains("--dry-run", "--prune", "--control-plane");
    }

    @Test
    void badUsageIsExitStatus64WithTheReasonOnStderr() {
        assertUsageError(script("push.java"), "konnect-plugins sync: Missing required parameter: 'FOLDER'");
        assertUsageError(script("delete.java", "--colour", PLUGIN), "konnect-plugins delete: Unknown option: "
                + "'--colour'");
        assertThat(script("validate.java").exitCode()).isEqualTo(USAGE);
    }

    @Test
    void theSdkScriptSaysWhichVariableIsMissing() {
        Map<String, String> noToken = environment();
        noToken.remove("KONNECT_TOKEN");

        JBang.Result result = jbang.run(noToken, scripts.resolve("list.java"));

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("KONNECT_TOKEN is not set");
    }

    @Test
    void aWrongTokenIsExitStatus3() {
        Map<String, String> env = environment();
        env.put("KONNECT_TOKEN", "kpat_wrong");

        JBang.Result result = jbang.run(env, scripts.resolve("push.java"), sample());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("401").contains("check the token").hasLineCount(1);
    }

    @Test
    void anUnreachableKonnectIsExitStatus4() {
        Map<String, String> env = environment();
        env.put("KONNECT_BASE_URL", "http://127.0.0.1:1");

        JBang.Result result = jbang.run(env, scripts.resolve("delete.java"), PLUGIN);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).startsWith("konnect-plugins delete: could not reach 127.0.0.1:1").hasLineCount(1);
    }

    @Test
    void theCliRunsFromItsMavenCoordinatesThroughJBang() {
        String cli = "dev.konnectplugins:konnect-plugins-cli:" + property("konnect.examples.version");

        JBang.Result plan = jbang.run(environment(), cli, "plan", sample(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out()).contains("Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged.");

        JBang.Result sync = jbang.run(environment(), cli, "sync", sample());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(stored().handler()).contains("StreamHeaders");

        JBang.Result noChanges = jbang.run(environment(), cli, "diff", sample(), "--detailed-exitcode");
        assertThat(noChanges.exitCode()).as(noChanges.toString()).isZero();
    }

    private static JBang.Result script(String name, String... args) {
        return jbang.run(environment(), scripts.resolve(name), args);
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("KONNECT_BASE_URL", konnect.baseUrl().toString());
        env.put("KONNECT_TOKEN", konnect.token());
        env.put("KONNECT_CONTROL_PLANE", konnect.controlPlaneName());
        return env;
    }

    private static void assertUsageError(JBang.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(USAGE);
        assertThat(result.err()).startsWith(message);
    }

    private static StoredCustomPlugin stored() {
        return konnect.customPlugin(konnect.controlPlaneId(), PLUGIN).orElseThrow();
    }

    private static String sample() {
        return SamplePlugin.directory().toString();
    }

    /** A plugin Konnect's sandbox would break: it starts a timer in init_worker. */
    private static Path timerPlugin() throws IOException {
        Path directory = Files.createDirectories(work.resolve("timer-plugin"));
        Files.writeString(directory.resolve("handler.lua"), "local Handler = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function Handler:init_worker()\n  ngx.timer.at(0, function() end)\nend\nreturn Handler\n",
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("schema.lua"),
                ListWithTags.minimalPlugin("timer-plugin").schema(), StandardCharsets.UTF_8);
        return directory;
    }

    private static Stream<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList().stream();
        }
    }
}
