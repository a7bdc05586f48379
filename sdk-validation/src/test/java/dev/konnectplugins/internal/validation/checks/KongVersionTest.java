package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kong/version.lua 1.0.1's non-strict parse plus Kong's three-part check, value by value. */
class KongVersionTest {
    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "v2.1, 2.1", "1.0.0-beta.1, 1.0.0", "..1.0, 1.0", "1.2., 1.2", "007.01, 7.1",
        "'release 3 of 4.5.6', 3", "1, 1", "0.00.000, 0.0.0", "1.0.10, 1.0.10", "00, 0"})
    void kept(String version, String cleaned) {
        assertThat(KongVersion.clean(version)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "abc", "v.", "1..2", "1.2.3.4", "3.10.0.0", "1.2.3.4-x"})
    void refused(String version) {
        assertThat(KongVersion.clean(version)).isNull();
    }
}
