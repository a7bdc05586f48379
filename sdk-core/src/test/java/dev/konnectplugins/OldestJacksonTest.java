package dev.konnectplugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.junit.jupiter.api.Test;

/**
 * Proves that the surefire execution {@code oldest-jackson} (parent pom) really runs the tests on the oldest supported
 * Jackson, not silently on the one the build compiles against. Only that execution runs it.
 */
class OldestJacksonTest {
    @Test
    void testsRunOnTheJacksonTheExecutionAskedFor() {
        String expected = System.getProperty("konnect.expected.jackson.version");

        assertThat(expected).as("konnect.expected.jackson.version, set by the oldest-jackson execution").isNotNull();
        assertThat(PackageVersion.VERSION.toString()).isEqualTo(expected);
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(expected);
    }
}
