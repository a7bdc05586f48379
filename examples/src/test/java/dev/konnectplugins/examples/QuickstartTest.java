package dev.konnectplugins.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.testkit.FakeKonnect;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void tellsTheWholeStoryAgainstTheEmbeddedFake() {
        Output run = Output.of(Map.of(), Quickstart::run);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).hasSize(8);
        assertThat(run.out().get(0)).isEqualTo("Starting an embedded fake Konnect (set KONNECT_TOKEN and "
                + "KONNECT_CONTROL_PLANE to use your real organization)");
        assertThat(run.out().get(1)).matches("Validated stream-headers: no problems"
                + "|Skipped validation of stream-headers: sdk-validation is not on the class path");
        assertThat(run.out().get(2)).matches("Uploaded stream-headers \\(id [0-9a-f-]{36}\\)");
        assertThat(run.out().subList(3, 8)).containsExactly(
                "Listed 1 plugin tagged quickstart: stream-headers",
                "Updated stream-headers to version 1.1.0",
                "Read back stream-headers: version 1.1.0, tags quickstart, release-1.1.0",
                "Deleted stream-headers",
                "Done.");
    }

    @Test
    void usesTheConfiguredKonnectByNameAndCleansUp() {
        try (FakeKonnect konnect = FakeKonnect.builder().controlPlaneName("prod").start()) {
            Output run = Output.of(realEnvironment(konnect, "prod"), Quickstart::run);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().get(0)).isEqualTo("Using Konnect at " + konnect.baseUrl() + ", control plane prod ("
                    + konnect.controlPlaneId() + ")");
            assertThat(run.out()).last().isEqualTo("Done.");
            assertThat(konnect.customPlugins(konnect.controlPlaneId())).isEmpty();
        }
    }

    @Test
    void acceptsTheControlPlaneId() {
        try (FakeKonnect konnect = FakeKonnect.start()) {
            Output run = Output.of(realEnvironment(konnect, konnect.controlPlaneId()), Quickstart::run);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().get(0)).endsWith("(" + konnect.controlPlaneId() + ")");
        }
    }

    @Test
    void leavesAnExistingPluginOfTheSameNameAlone() {
        try (FakeKonnect konnect = FakeKonnect.start();
             var client = ExampleKonnect.connect(realEnvironment(konnect, "default"),
                     new PrintStream(OutputStream.nullOutputStream()))) {
            client.customPlugins().create(PluginSource.fromDirectory(sample()).withTags("production"));

            Output run = Output.of(realEnvironment(konnect, "default"), Quickstart::run);

            assertThat(run.exitCode()).isEqualTo(ExampleKonnect.ERROR);
            assertThat(run.err()).startsWith("A plugin named stream-headers already exists").hasLineCount(1);
            assertThat(konnect.customPlugin(konnect.controlPlaneId(), "stream-headers")).get()
                    .satisfies(plugin -> assertThat(plugin.tags()).containsExactly("production"));
        }
    }

    @Test
    void aWrongTokenIsOneLineAndExitCode3() {
        try (FakeKonnect konnect = FakeKonnect.start()) {
            Map<String, String> env = realEnvironment(konnect, "default");
            env.put(ExampleKonnect.TOKEN, "kpat_wrong");

            Output run = Output.of(env, Quickstart::run);

            assertThat(run.exitCode()).isEqualTo(ExampleKonnect.KONNECT_ERROR);
            assertThat(run.err()).hasLineCount(1).contains("401");
        }
    }

    @Test
    void halfAConfigurationIsAUsageError() {
        Output run = Output.of(Map.of(ExampleKonnect.TOKEN, "kpat_x"), Quickstart::run);

        assertThat(run.exitCode()).isEqualTo(ExampleKonnect.ERROR);
        assertThat(run.err().strip()).isEqualTo("Set both KONNECT_TOKEN and KONNECT_CONTROL_PLANE "
                + "(or neither, to use the embedded fake)");
    }

    static Map<String, String> realEnvironment(FakeKonnect konnect, String controlPlane) {
        Map<String, String> env = new HashMap<>();
        env.put(ExampleKonnect.TOKEN, konnect.token());
        env.put(ExampleKonnect.CONTROL_PLANE, controlPlane);
        env.put(ExampleKonnect.BASE_URL, konnect.baseUrl().toString());
        return env;
    }

    static Path sample() {
        return SamplePlugin.directory();
    }
}
