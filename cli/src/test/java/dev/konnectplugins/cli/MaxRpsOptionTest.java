package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code --max-rps}: handed to the client's rate limit, and refused, by name, when it is not a positive rate. */
@ExtendWith(FakeKonnectExtension.class)
class MaxRpsOptionTest {

    @Test
    void theRateReachesTheClient(FakeKonnect fake) {
        ConnectionOptions options = new ConnectionOptions();
        options.maxRequestsPerSecond = 2.5;

        try (Konnect konnect = options.connect(environment(fake))) {
            assertThat(konnect.toString()).contains("maxRequestsPerSecond=2.5");
        }
    }

    @Test
    void withoutTheOptionTheRateIsNotCapped(FakeKonnect fake) {
        try (Konnect konnect = new ConnectionOptions().connect(environment(fake))) {
            assertThat(konnect.toString()).doesNotContain("maxRequestsPerSecond");
        }
    }

    @Test
    void aCommandThatTalksToKonnectAcceptsIt(FakeKonnect fake) {
        assertThat(run(fake, "list", "--max-rps", "50")).isZero();
    }

    @Test
    void aRateThatIsNotPositiveIsAUsageErrorNamingTheOption(FakeKonnect fake) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(new String[] {"list", "--max-rps", "0"}, environment(fake),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);

        assertThat(exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("konnect-plugins list: --max-rps must be a positive number of requests per second, got 0");
    }

    private static int run(FakeKonnect fake, String... args) {
        return Main.run(args, environment(fake), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false);
    }

    private static Map<String, String> environment(FakeKonnect fake) {
        return Map.of("KONNECT_TOKEN", fake.token(), "KONNECT_BASE_URL", fake.baseUrl().toString(),
                "KONNECT_CONTROL_PLANE", fake.controlPlaneName());
    }
}
