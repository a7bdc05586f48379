package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler.* rules on the model of one handler.lua (resolved and evaluated), without the rest of the plugin. */
class HandlerCheckTest {

    private static List<Diagnostic> check(String handler) {
        Findings out = new Findings();
        HandlerCheck.check(new PluginModel("p", null, Models.analyse(handler, Kind.HANDLER)), out);
        return out.sorted();
    }

    @Test
    void aPlainHandlerPasses() {
        assertThat(check("return { PRIORITY = 10, VERSION = \"1.0.0\", access = function() end }")).isEmpty();
    }

    @Test
    void priorityAndVersionAsKongJudgesThem() {
        List<Diagnostic> found = check("local H = { VERSION = \"1.2.3.4\" }\nH.PRIORITY = 1.5\nreturn H");
        assertThat(found).extracting(Diagnostic::rule).containsExactly(Rules.HANDLER_VERSION, Rules.HANDLER_PRIORITY);
        // Placed where the source gives each field.
        assertThat(found).extracting(Diagnostic::line).containsExactly(1, 2);
        assertThat(check("return { PRIORITY = 1000LL, VERSION = \"1.0\" }")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("FFI cdata"));
    }

    @Test
    void phasesAndInitWorker() {
        assertThat(check("return { PRIORITY = 1, VERSION = \"1\", init_worker = function() end }"))
                .extracting(Diagnostic::rule).containsExactly(Rules.HANDLER_INIT_WORKER);
        assertThat(check("return { PRIORITY = 1, VERSION = \"1\", response = function() end,\n"
                + "body_filter = function() end }")).extracting(Diagnostic::rule).containsExactly(Rules.HANDLER_PHASES);
    }

    @Test
    void theModuleValueItself() {
        assertThat(check("return 42")).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(Rules.HANDLER_SHAPE);
            assertThat(d.message()).contains("returns the number 42");
        });
        // The table the file states is still judged.
        assertThat(check("error(\"no\")\nreturn {}")).extracting(Diagnostic::rule).containsExactly(
                Rules.HANDLER_SHAPE, Rules.HANDLER_PRIORITY, Rules.HANDLER_VERSION);
        assertThat(check("error(\"no\")\nreturn {}").get(0).message()).contains("the top level of handler.lua fails");
        assertThat(check("return { PRIORITY = 1, VERSION = \"1\" }, \"oops\"")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("returns a second value"));
    }
}
