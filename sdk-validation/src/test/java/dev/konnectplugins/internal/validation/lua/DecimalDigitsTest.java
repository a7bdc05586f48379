package dev.konnectplugins.internal.validation.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalDigitsTest {
    @Test
    void dropsTheZerosBeforeADigitAsTheRegexDid() {
        String alphabet = "000123a.";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = text.toString().replaceFirst("^0+(?=\\d)", "");
            assertThat(DecimalDigits.withoutLeadingZeros(text.toString())).as(text.toString()).isEqualTo(expected);
        }
        assertThat(DecimalDigits.withoutLeadingZeros("007")).isEqualTo("7");
        assertThat(DecimalDigits.withoutLeadingZeros("000")).isEqualTo("0");
    }
}
