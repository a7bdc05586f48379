package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.checks.SchemaCheck.SchemaName;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name.* rules on a plugin model whose schema name is given. */
class NameCheckTest {
    private static final FileAnalysis SCHEMA = new FileAnalysis("", Resolution.NONE, null);
    private static final SourcePosition AT = new SourcePosition(2, 3);

    private static List<Diagnostic> check(String uploadName, SchemaName schemaName) {
        Findings out = new Findings();
        NameCheck.check(new PluginModel(uploadName, SCHEMA, null), schemaName, out);
        return out.sorted();
    }

    @Test
    void equalValidNamesPass() {
        assertThat(check("my-plugin", new SchemaName("my-plugin", AT))).isEmpty();
    }

    @Test
    void formatReservedAndMismatch() {
        assertThat(check("My_Plugin", new SchemaName("My_Plugin", AT))).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(Rules.NAME_FORMAT);
            assertThat(d.line()).isEqualTo(2);
        });
        assertThat(check("rate-limiting", new SchemaName("rate-limiting", AT))).extracting(Diagnostic::rule)
                .containsExactly(Rules.NAME_RESERVED);
        assertThat(check("mine", new SchemaName("yours", AT))).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(Rules.NAME_MISMATCH);
            assertThat(d.column()).isEqualTo(3);
        });
    }

    @Test
    void anUnknownSchemaNameWarnsOnlyWhenNothingElseIsWrong() {
        assertThat(check("mine", new SchemaName(null, SourcePosition.NONE))).extracting(Diagnostic::rule)
                .containsExactly(Rules.NAME_UNRESOLVED);
        Findings out = new Findings();
        out.error(Rules.SCHEMA_SHAPE, "schema.lua", AT, "broken");
        NameCheck.check(new PluginModel("mine", SCHEMA, null), new SchemaName(null, SourcePosition.NONE), out);
        assertThat(out.sorted()).extracting(Diagnostic::rule).containsExactly(Rules.SCHEMA_SHAPE);
    }
}
