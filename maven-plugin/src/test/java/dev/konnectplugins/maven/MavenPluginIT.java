package dev.konnectplugins.maven;

import static dev.konnectplugins.maven.TestProjects.HANDLER_WITH_TIMER;
import static dev.konnectplugins.maven.TestProjects.VALID_HANDLER;
import static dev.konnectplugins.maven.TestProjects.kongPlugin;
import static dev.konnectplugins.maven.TestProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.sync.SyncOptions;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real Maven builds of small projects that declare the plugin as the README's "From Maven" snippet does, verbatim,
 * run offline against a FakeKonnect started here.
 */
class MavenPluginIT {
    private static final String CONTROL_PLANE = "prod-gateways";

    private static FakeKonnect fake;

    @BeforeAll
    static void startFakeAndFillTheTestRepository() throws Exception {
        fake = FakeKonnect.builder().controlPlaneName(CONTROL_PLANE).start();
        MavenBuild.Result help = MavenBuild.in(project("fill-repository", readmeSnippet())).online()
                .args("konnect-plugins:help").run();
        assertThat(help.succeeded()).as("%s", help).isTrue();
        assertThat(help.log()).contains("konnect-plugins:validate", "konnect-plugins:plan", "konnect-plugins:sync",
                "konnect-plugins:pull", "konnect-plugins:help");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void verifyFailsOnAnInvalidPluginNamingFileLineColumnAndRuleThenPassesOnceFixed() throws Exception {
        Path project = project("verify", readmeSnippet());
        Path greeter = kongPlugin(project, "greeter", HANDLER_WITH_TIMER);

        MavenBuild.Result invalid = MavenBuild.in(project).args("verify").run();

        assertThat(invalid.succeeded()).as("%s", invalid).isFalse();
        assertThat(invalid.log()).contains("BUILD FAILURE").containsPattern("(?m)^\\[ERROR\\] "
                + Pattern.quote(greeter.resolve("handler.lua").toString())
                + ":7:\\d+: error \\[sandbox\\.timer\\] \\(\\w[\\w ]*\\) \\S");
        String sarif = Files.readString(project.resolve("target/konnect-plugins/validation.sarif"));
        assertThat(sarif).contains("\"version\":\"2.1.0\"", "\"ruleId\":\"sandbox.timer\"",
                "\"uri\":\"src/main/kong-plugins/greeter/handler.lua\"", "\"startLine\":7");

        MavenBuild.Result skipped = MavenBuild.in(project).args("verify", "-Dkonnect-plugins.skip").run();
        assertThat(skipped.succeeded()).as("%s", skipped).isTrue();
        assertThat(skipped.log()).contains("Skipping: konnect-plugins.skip is set");

        Files.writeString(greeter.resolve("handler.lua"), VALID_HANDLER);
        MavenBuild.Result fixed = MavenBuild.in(project).args("verify").run();
        assertThat(fixed.succeeded()).as("%s", fixed).isTrue();
        assertThat(fixed.log()).contains("Validated 1 Kong plugin: all valid (0 errors, 0 warnings)");
        assertThat(Files.readString(project.resolve("target/konnect-plugins/validation.sarif")))
                .contains("\"results\":[]");
    }

    @Test
    void inAParallelMultiModuleBuildEachModuleValidatesItsOwnPlugins() throws Exception {
        Path parent = project("multi-module", readmeSnippet());
        Files.writeString(parent.resolve("pom.xml"), Files.readString(parent.resolve("pom.xml"))
                .replace("<packaging>pom</packaging>", "<packaging>pom</packaging>\n  <modules><module>gateway"
                        + "</module><module>service</module><module>broken</module></modules>"));
        for (String module : List.of("gateway", "service", "broken")) {
            Files.createDirectories(parent.resolve(module));
            Files.writeString(parent.resolve(module).resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <parent>
                        <groupId>com.example</groupId><artifactId>multi-module</artifactId><version>1.0</version>
                      </parent>
                      <artifactId>%s</artifactId>
                      <packaging>pom</packaging>
                    </project>
                    """.formatted(module));
        }
        kongPlugin(parent.resolve("gateway"), "greeter", VALID_HANDLER);
        Path broken = kongPlugin(parent.resolve("broken"), "timer", HANDLER_WITH_TIMER);

        MavenBuild.Result result = MavenBuild.in(parent).args("-T", "2", "verify", "--fail-at-end").run();

        assertThat(result.succeeded()).as("%s", result).isFalse();
        Path noPlugins = parent.resolve("service/src/main/kong-plugins");
        assertThat(result.log()).contains("No Kong plugins to validate: " + noPlugins + " does not exist",
                "Validated 1 Kong plugin: all valid", broken.resolve("handler.lua") + ":7:")
                .containsPattern("gateway \\.+ SUCCESS").containsPattern("broken \\.+ FAILURE");
    }

    @Test
    void syncCreatesUpdatesAndPrunesAndPlanWithFailOnChangesFailsUntilSynced() throws Exception {
        Path project = project("sync", readmeSnippet());
        Path greeter = kongPlugin(project, "greeter", VALID_HANDLER);
        Path tagger = kongPlugin(project, "tagger", VALID_HANDLER);

        MavenBuild.Result drift = withToken(project, "konnect-plugins:plan", "-Dkonnect-plugins.failOnChanges").run();
        assertThat(drift.succeeded()).as("%s", drift).isFalse();
        assertThat(drift.log()).contains("Plan: 2 to create", "Konnect differs from");
        assertThat(Files.readString(project.resolve("target/konnect-plugins/plan.json"))).contains("greeter", "tagger");

        MavenBuild.Result created = withToken(project, "konnect-plugins:sync").run();
        assertThat(created.succeeded()).as("%s", created).isTrue();
        assertThat(stored()).extracting(StoredCustomPlugin::name).containsExactly("greeter", "tagger");
        assertThat(stored()).isNotEmpty()
                .allSatisfy(plugin -> assertThat(plugin.tags()).contains(SyncOptions.DEFAULT_MANAGED_TAG));

        int requestsBefore = fake.requests().size();
        MavenBuild.Result again = withToken(project, "konnect-plugins:sync").run();
        assertThat(again.succeeded()).as("%s", again).isTrue();
        assertThat(fake.requests().subList(requestsBefore, fake.requests().size()))
                .as("a second sync only reads").isNotEmpty()
                .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));

        Files.writeString(greeter.resolve("handler.lua"), VALID_HANDLER.replace("1.0.0", "1.1.0"));
        TestProjects.deleteRecursively(tagger);
        MavenBuild.Result pruned = withToken(project, "konnect-plugins:sync", "-Dkonnect-plugins.prune").run();
        assertThat(pruned.succeeded()).as("%s", pruned).isTrue();
        assertThat(stored()).extracting(StoredCustomPlugin::name).containsExactly("greeter");
        assertThat(stored().get(0).handler()).contains("1.1.0");

        MavenBuild.Result noDrift = withToken(project, "konnect-plugins:plan", "-Dkonnect-plugins.failOnChanges",
                "-Dkonnect-plugins.prune").run();
        assertThat(noDrift.succeeded()).as("%s", noDrift).isTrue();
        assertThat(noDrift.log()).contains("0 to create, 0 to update, 0 to delete");
    }

    @Test
    void aBlockedChangeFailsTheSyncAfterTheRestIsWritten() throws Exception {
        Path project = project("blocked", readmeSnippet());
        Path greeter = kongPlugin(project, "greeter", VALID_HANDLER);
        assertThat(withToken(project, "konnect-plugins:sync").run().succeeded()).isTrue();
        fake.addPluginInstance(fake.controlPlaneId(), "greeter");

        Files.writeString(greeter.resolve("handler.lua"), VALID_HANDLER.replace("1.0.0", "2.0.0"));
        kongPlugin(project, "newcomer", VALID_HANDLER);
        MavenBuild.Result blocked = withToken(project, "konnect-plugins:sync").run();

        assertThat(blocked.succeeded()).as("%s", blocked).isFalse();
        assertThat(blocked.log()).contains("BUILD FAILURE", "not converged", "greeter (blocked update)");
        assertThat(stored()).extracting(StoredCustomPlugin::name).containsExactly("greeter", "newcomer");
        assertThat(stored().get(0).handler()).contains("1.0.0");
    }

    @Test
    void theTokenOfAnEncryptedSettingsServerWorksAndNeverReachesTheLogEvenWithDebug() throws Exception {
        Path project = project("settings-token", readmeSnippet());
        kongPlugin(project, "greeter", VALID_HANDLER);
        Path security = project.resolve("settings-security.xml");
        String master = encrypted(project, "--encrypt-master-password", "a-master-password", null);
        Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>\n");
        String token = encrypted(project, "--encrypt-password", fake.token(), security);
        Path settings = MavenBuild.writeSettings(project, "<server><id>konnect</id><password>" + token
                + "</password></server>");

        MavenBuild.Result planned = MavenBuild.in(project).settings(settings).args("-X", "konnect-plugins:plan",
                "-Dsettings.security=" + security, "-Dkonnect-plugins.baseUrl=" + fake.baseUrl()).run();

        assertThat(planned.succeeded()).as("%s", planned).isTrue();
        assertThat(planned.log()).contains("[DEBUG]", "Plan: 1 to create").doesNotContain(fake.token());
        assertThat(token).doesNotContain(fake.token());
    }

    @Test
    void withoutAnyTokenThePlanSaysWhereToPutOne() throws Exception {
        Path project = project("no-token", readmeSnippet());
        kongPlugin(project, "greeter", VALID_HANDLER);

        MavenBuild.Result result = MavenBuild.in(project)
                .args("konnect-plugins:plan", "-Dkonnect-plugins.baseUrl=" + fake.baseUrl()).run();

        assertThat(result.succeeded()).as("%s", result).isFalse();
        assertThat(result.log()).contains("no Konnect token: add a <server> with <id>konnect</id>");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void pullWritesTheControlPlanesPluginsIntoThePluginsDirectory() throws Exception {
        Path project = project("pull", readmeSnippet());
        Path elsewhere = kongPlugin(project.resolve("elsewhere"), "greeter", VALID_HANDLER);
        try (Konnect konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).build()) {
            konnect.controlPlane(fake.controlPlaneId()).customPlugins().create(PluginSource.fromDirectory(elsewhere));
        }

        MavenBuild.Result pulled = withToken(project, "konnect-plugins:pull").run();

        assertThat(pulled.succeeded()).as("%s", pulled).isTrue();
        assertThat(Files.readString(project.resolve("src/main/kong-plugins/greeter/handler.lua")))
                .contains("X-Greeting");
    }

    @Test
    void theExampleProjectValidatesTheSamplePlugin() throws Exception {
        Path sample = Path.of(System.getProperty("konnect.it.sample")).toAbsolutePath();

        MavenBuild.Result result = MavenBuild.in(sample).args("verify").run();

        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(result.log()).contains("Validated 1 Kong plugin: all valid");
    }

    private static MavenBuild withToken(Path project, String... arguments) {
        return MavenBuild.in(project).env("KONNECT_TOKEN", fake.token()).args(arguments)
                .args("-Dkonnect-plugins.baseUrl=" + fake.baseUrl());
    }

    private static List<StoredCustomPlugin> stored() {
        return fake.customPlugins(fake.controlPlaneId());
    }

    /** Maven's own encryption of a password, as a user runs it. */
    private static String encrypted(Path project, String option, String secret, Path security) throws Exception {
        MavenBuild build = MavenBuild.in(project).args(option, secret);
        if (security != null) {
            build.args("-Dsettings.security=" + security);
        }
        MavenBuild.Result result = build.run();
        Matcher encrypted = Pattern.compile("(\\{[A-Za-z0-9+/=]+})").matcher(result.log());
        assertThat(encrypted.find()).as("%s", result).isTrue();
        return encrypted.group(1);
    }

    /** The README's "From Maven" pom snippet, which these builds use verbatim. */
    static String readmeSnippet() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("konnect.it.readme")));
        int heading = lines.indexOf("### From Maven");
        assertThat(heading).as("the README's From Maven section").isNotNegative();
        int open = lines.subList(heading, lines.size()).indexOf("```xml") + heading;
        int close = lines.subList(open, lines.size()).indexOf("```") + open;
        assertThat(open).isGreaterThan(heading);
        return String.join("\n", lines.subList(open + 1, close)) + "\n";
    }
}
