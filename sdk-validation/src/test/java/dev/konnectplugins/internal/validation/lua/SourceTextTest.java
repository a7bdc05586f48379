package dev.konnectplugins.internal.validation.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void mapsOffsetsToLinesAndColumnsForEveryLineBreak() {
        SourceText text = new SourceText("ab\ncd\r\nef\rgh");
        assertThat(text.position(0)).isEqualTo(new SourcePosition(1, 1));
        assertThat(text.position(4)).isEqualTo(new SourcePosition(2, 2));
        assertThat(text.position(7)).isEqualTo(new SourcePosition(3, 1));
        assertThat(text.position(10)).isEqualTo(new SourcePosition(4, 1));
        assertThat(text.line(2)).isEqualTo("cd");
        assertThat(text.line(5)).isEmpty();
    }

    @Test
    void findsWhereAFieldOrTypedefIsWrittenOutsideComments() {
        SourceText text = new SourceText("-- name = \"x\"\nlocal t = { name = \"y\" }\n-- typedefs.port\nx = typedefs.port");
        assertThat(text.findAssignment("name")).isEqualTo(new SourcePosition(2, 13));
        assertThat(text.findMember("port")).isEqualTo(new SourcePosition(4, 5));
        assertThat(text.findAssignment("absent")).isEqualTo(SourcePosition.NONE);
    }
}
