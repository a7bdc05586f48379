package dev.konnectplugins.internal.validation.checks;

import static dev.konnectplugins.internal.validation.checks.Models.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lua.syntax and lua.complexity, on resolver events made by hand. */
class SyntaxCheckTest {

    private static List<Diagnostic> compileLimits(Event... events) {
        Findings out = new Findings();
        SyntaxCheck.compileLimits("handler.lua", new Resolution(List.of(events), ChunkFacts.NONE), out);
        return out.sorted();
    }

    @Test
    void limitsAreLuaJits() {
        assertThat(compileLimits(new Event.FunctionEnd(3, 200, 120, List.of()),
                new Event.CallNesting(249, at(4, 1)))).isEmpty();
        List<Diagnostic> found = compileLimits(new Event.FunctionEnd(3, 201, 0, List.of()),
                new Event.FunctionEnd(5, 0, 121, List.of()), new Event.CallNesting(250, at(7, 1)));
        assertThat(found).extracting(Diagnostic::line, Diagnostic::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, 0), org.assertj.core.groups.Tuple.tuple(5, 0),
                org.assertj.core.groups.Tuple.tuple(7, 1));
        assertThat(found).allSatisfy(d -> assertThat(d.rule()).isEqualTo(Rules.LUA_SYNTAX))
                .extracting(Diagnostic::message).anyMatch(m -> m.contains("more than 200 local variables"))
                .anyMatch(m -> m.contains("more than 120 upvalues")).anyMatch(m -> m.contains("250 stack slots"));
    }

    @Test
    void structuralProblemsAreErrorsAndADuplicateKeyAWarning() {
        List<Diagnostic> found = compileLimits(new Event.BreakOutsideLoop(at(1, 1)),
                new Event.VarargOutsideVarargFunction(at(2, 5)), new Event.DuplicateKey("a", at(3, 7)),
                new Event.FunctionEnd(1, 0, 0, List.of(new Event.Goto("done", at(5, 2)))));
        assertThat(found).extracting(Diagnostic::severity).containsExactly(Severity.ERROR, Severity.ERROR,
                Severity.WARNING, Severity.ERROR);
        assertThat(found.get(3).message()).contains("no visible label 'done'");
    }

    @Test
    void problemsOfTheDialectAndTheExpressionLimit() {
        Findings out = new Findings();
        SyntaxCheck.problem("schema.lua", new SyntaxProblem(at(2, 3), "unfinished string"), out);
        SyntaxCheck.tooComplex("schema.lua", at(7, 1), 400, out);
        assertThat(out.sorted()).extracting(Diagnostic::rule).containsExactly(Rules.LUA_SYNTAX, Rules.LUA_COMPLEXITY);
        assertThat(out.sorted().get(0).message())
                .isEqualTo("unfinished string (schema.lua must parse as the LuaJIT dialect Kong runs)");
    }
}
