package dev.konnectplugins.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #17: the one escaping step for server text the CLI shows. */
class SafeTextTest {
    @Test
    void controlCharactersSeparatorsAndBidiOverridesBecomeVisibleEscapes() {
        assertThat(SafeText.inline("a\u001b[31mb\rc\nd\te\u007ff\u0085g\u2028h\u2029i\u202ej\u2066k\u2069l"))
                .isEqualTo("a\\u001b[31mb\\rc\\nd\\te\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej\\u2066k\\u2069l");
        assertThat(SafeText.inline("plain text, é, 漢字")).isEqualTo("plain text, é, 漢字");
        assertThat(SafeText.inline(null)).isNull();
    }

    @Test
    void noLineStartsWithAWorkflowCommandEvenAfterIndentation() {
        assertThat(SafeText.inline("::add-mask::secret")).isEqualTo("\\u003a:add-mask::secret");
        assertThat(SafeText.inline("  ::error::x")).isEqualTo("  \\u003a:error::x");
        // A tab shown as \t is no longer white space the runner would skip.
        assertThat(SafeText.inline("\t::error::x")).isEqualTo("\\t::error::x");
        assertThat(SafeText.inline("a ::b")).isEqualTo("a ::b");
        // A separator the escape turns visible cannot start a line either: it is no longer a line break.
        assertThat(SafeText.inline("x\n::warning::y")).isEqualTo("x\\n::warning::y");
    }

    @Test
    void linesKeepTheirBreaksAndTabsAndGuardEachLine() {
        assertThat(SafeText.lines("local a = 1\r\n\t::set-output name=x::y\n\u001b[2Jreturn a"))
                .isEqualTo("local a = 1\n\t\\u003a:set-output name=x::y\n\\u001b[2Jreturn a");
    }

    @Test
    void jsonKeepsTheValueExactButWritesUnsafeCharactersAsEscapes() throws Exception {
        ObjectMapper mapper = SafeText.escaping(new ObjectMapper());
        String value = "n\u001b\u007f\u0085\u2028\u202e\u2066é";

        String json = mapper.writeValueAsString(Map.of("name", value));

        assertThat(json).isEqualToIgnoringCase("{\"name\":\"n\\u001b\\u007f\\u0085\\u2028\\u202e\\u2066é\"}");
        assertThat(mapper.readTree(json).get("name").asText()).isEqualTo(value);
    }
}
