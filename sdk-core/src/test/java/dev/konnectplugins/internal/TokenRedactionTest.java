package dev.konnectplugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenRedactionTest {
    private static final String TOKEN = "kpat_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1f";

    @Test
    void masksEveryOccurrenceWhereverItIs() {
        TokenRedaction redaction = new TokenRedaction(TOKEN);
        for (String text : new String[] {TOKEN, TOKEN + TOKEN, "{\"a\":\"" + TOKEN + "\"}", "x" + TOKEN,
                TOKEN + "x", "kpat_" + TOKEN, TOKEN.substring(1) + TOKEN, "Bearer " + TOKEN + " and " + TOKEN}) {
            assertThat(redacted(redaction, text)).as(text).isEqualTo(text.replace(TOKEN, TokenRedaction.MASK))
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void leavesAnAnswerWithoutTheTokenAsItWas() {
        TokenRedaction redaction = new TokenRedaction(TOKEN);
        byte[] body = ("{\"data\":[],\"almost\":\"" + TOKEN.substring(0, TOKEN.length() - 1) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(redaction.redact(body)).isSameAs(body);
        assertThat(redaction.redact(new byte[0])).isEmpty();
        assertThat(redaction.redact(TOKEN.substring(3).getBytes(StandardCharsets.US_ASCII))).hasSize(TOKEN.length() - 3);
    }

    @Test
    void agreesWithStringReplaceOnRandomAnswers() {
        Random random = new Random(7);
        String alphabet = TOKEN.substring(0, 12) + "\"{}:, ";
        for (String token : new String[] {TOKEN, "abababab", "aaaaaaaaab", "12345678"}) {
            TokenRedaction redaction = new TokenRedaction(token);
            for (int round = 0; round < 2_000; round++) {
                StringBuilder text = new StringBuilder();
                int pieces = random.nextInt(8);
                for (int i = 0; i < pieces; i++) {
                    switch (random.nextInt(4)) {
                        case 0 -> text.append(token);
                        case 1 -> text.append(token, 0, random.nextInt(token.length()));
                        default -> {
                            for (int n = random.nextInt(30); n > 0; n--) {
                                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                            }
                        }
                    }
                }
                String answer = text.toString();
                assertThat(redacted(redaction, answer)).as(answer).isEqualTo(answer.replace(token, TokenRedaction.MASK));
            }
        }
    }

    @Test
    void aShortTokenIsNotLookedFor() {
        byte[] body = "short".getBytes(StandardCharsets.US_ASCII);
        assertThat(new TokenRedaction("short").redact(body)).isSameAs(body);
        assertThat(new TokenRedaction(null).redact(body)).isSameAs(body);
    }

    private static String redacted(TokenRedaction redaction, String text) {
        return new String(redaction.redact(text.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
    }
}
