package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.checks.SchemaCheck.SchemaName;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import org.junit.jupiter.api.Test;

/** schema.shape on the model of one schema.lua (resolved and evaluated), and the name it gives. */
class SchemaCheckTest {
    private static final String CONFIG = "fields = { { config = { type = \"record\", fields = {} } } }";

    @Test
    void aValidSchemaGivesItsNameWhereItIsWritten() {
        Findings out = new Findings();
        SchemaName name = SchemaCheck.check(Models.analyse("return {\n  name = \"my-plugin\",\n  " + CONFIG + "\n}",
                Kind.SCHEMA), out);
        assertThat(out.sorted()).isEmpty();
        assertThat(name).isEqualTo(new SchemaName("my-plugin", new SourcePosition(2, 3)));
    }

    @Test
    void noSchemaNoName() {
        Findings out = new Findings();
        assertThat(SchemaCheck.check(new PluginModel("p", null, null), out).name()).isNull();
        assertThat(out.sorted()).isEmpty();
    }

    @Test
    void shapeAndMetaschemaProblems() {
        Findings out = new Findings();
        SchemaCheck.check(Models.analyse("return { " + CONFIG + " }", Kind.SCHEMA), out);
        assertThat(out.sorted()).extracting(Diagnostic::rule).contains(Rules.SCHEMA_SHAPE);
        assertThat(out.sorted()).extracting(Diagnostic::message).anyMatch(m -> m.contains("no name"));

        Findings typed = new Findings();
        SchemaCheck.check(Models.analyse("return { name = \"p\", fields = { { config = { type = \"recrod\", "
                + "fields = {} } } } }", Kind.SCHEMA), typed);
        assertThat(typed.sorted()).isNotEmpty().allSatisfy(d -> assertThat(d.rule()).isEqualTo(Rules.SCHEMA_SHAPE));
    }

    @Test
    void anUnknownTypedefIsNamed() {
        Findings out = new Findings();
        SchemaCheck.check(Models.analyse("local typedefs = require \"kong.db.schema.typedefs\"\n"
                + "return { name = \"p\", fields = { { config = typedefs.some_future_typedef } } }", Kind.SCHEMA), out);
        assertThat(out.sorted()).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("'typedefs.some_future_typedef' does not exist in Kong 3.x");
            assertThat(d.line()).isEqualTo(2);
        });
    }
}
