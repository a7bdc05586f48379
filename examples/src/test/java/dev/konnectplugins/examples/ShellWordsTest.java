package dev.konnectplugins.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsJBangsCommandLine() {
        assertThat(ShellWords.split("/usr/bin/java -classpath '/a b/x.jar:/y.jar' push 'it'\"'\"'s' \"q\\\"d\" a\\ b"))
                .containsExactly("/usr/bin/java", "-classpath", "/a b/x.jar:/y.jar", "push", "it's", "q\"d", "a b");
    }

    @Test
    void keepsEmptyQuotedWords() {
        assertThat(ShellWords.split("cmd '' \"\"  x")).containsExactly("cmd", "", "", "x");
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> ShellWords.split("cmd 'open")).isInstanceOf(IllegalArgumentException.class);
    }
}
