package dev.konnectplugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.internal.ServerText;
import org.junit.jupiter.api.Test;

class ServerTextTest {
    @Test
    void controlCharactersAreEscapedAndPlainTextIsKept() {
        assertThat(ServerText.sanitize("plain text: ok, ünïcode", 100)).isEqualTo("plain text: ok, ünïcode");
        assertThat(ServerText.sanitize("a\nb\rc\td\u001b[31me\u007f\u0085\u2028\u202e", 100))
                .isEqualTo("a\\nb\\rc\\td\\u001b[31me\\u007f\\u0085\\u2028\\u202e");
    }

    @Test
    void lengthIsCappedAndTheOriginalLengthSaid() {
        assertThat(ServerText.sanitize("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx... (50 chars)");
        assertThat(ServerText.sanitize(null, 10)).isNull();
    }
}
