package dev.konnectplugins.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.testkit.FakeKonnect;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each example runs against the embedded fake and prints what its README section shows. */
class ExamplesTest {

    @Test
    void uploadFromDirectory() {
        Output run = Output.of(Map.of(), UploadFromDirectory::run);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).last().asString()
                .matches("Uploaded stream-headers from .*stream-headers \\(id [0-9a-f-]{36}, version 1\\.0\\.0, "
                        + "tags examples\\)");
    }

    @Test
    void uploadFromDirectoryUpdatesOnTheSecondRun() {
        try (FakeKonnect konnect = FakeKonnect.start()) {
            Map<String, String> env = QuickstartTest.realEnvironment(konnect, "default");
            String directory = SamplePlugin.directory().toString();

            Output first = Output.of(env, UploadFromDirectory::run, directory, "v1");
            Output second = Output.of(env, UploadFromDirectory::run, directory, "v2");

            assertThat(first.exitCode()).isZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(konnect.customPlugins(konnect.controlPlaneId())).singleElement()
                    .satisfies(plugin -> assertThat(plugin.tags()).containsExactly("v2"));
        }
    }

    @Test
    void uploadFromAMissingDirectoryIsAUsageError() {
        Output run = Output.of(Map.of(), UploadFromDirectory::run, "no/such/plugin");

        assertThat(run.exitCode()).isEqualTo(ExampleKonnect.ERROR);
        assertThat(run.err()).contains("handler.lua").hasLineCount(1);
    }

    @Test
    void listWithTags() {
        Output run = Output.of(Map.of(), ListWithTags::run);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "Plugins tagged team-a and prod: team-a-auth",
                "Plugins tagged team-a or prod: team-a-auth, team-a-cache, team-b-audit",
                "Page of 2: team-a-auth, team-a-cache",
                "Page of 1: team-b-audit");
    }

    @Test
    void micrometerMetricsTimesEachRequestByMethodAndStatus() {
        Output run = Output.of(Map.of(), MicrometerMetrics::run);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).anySatisfy(line -> assertThat(line)
                .startsWith("konnect.requests [tag(method=GET), tag(status=200)] COUNT = 2.0"));
    }

    @Test
    void findControlPlaneByName() {
        Output run = Output.of(Map.of(), FindControlPlaneByName::run);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).anyMatch(line -> line.matches("Control plane staging has id [0-9a-f-]{36}"))
                .contains("It has 0 custom plugins");
    }

    @Test
    void findControlPlaneByNameListsTheOthersWhenNoneMatches() {
        Output run = Output.of(Map.of(), FindControlPlaneByName::run, "nope");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No control plane is named nope. There are: default");
    }

    @Test
    void handleErrorsCatchesEachKind() {
        Output run = Output.of(Map.of(), HandleErrors::run);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).noneMatch(line -> line.contains("unexpected"));
        assertThat(String.join("\n", run.out())).contains("BadRequestException 400", "ConflictException 400",
                "NotFoundException 404", "UnauthorizedException 401", "PluginInUseException 400",
                "RateLimitedException 429, retry after 30 s", "ForbiddenException 403", "ServerException 503",
                "KonnectTimeoutException", "KonnectTransportException");
    }
}
