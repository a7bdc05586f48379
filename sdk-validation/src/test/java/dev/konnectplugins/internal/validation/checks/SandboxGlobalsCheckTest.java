package dev.konnectplugins.internal.validation.checks;

import static dev.konnectplugins.internal.validation.checks.Models.CAUGHT;
import static dev.konnectplugins.internal.validation.checks.Models.DEAD;
import static dev.konnectplugins.internal.validation.checks.Models.IN_FUNCTION;
import static dev.konnectplugins.internal.validation.checks.Models.TOP_LEVEL;
import static dev.konnectplugins.internal.validation.checks.Models.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Context;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Event.ReadKind;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sandbox.global, on resolver events made by hand. */
class SandboxGlobalsCheckTest {

    private static List<Diagnostic> check(Kind kind, Event... events) {
        Findings out = new Findings();
        SandboxGlobalsCheck.check(new Resolution(List.of(events), ChunkFacts.NONE), Models.SPEC, kind, out);
        return out.sorted();
    }

    private static Event.Read read(ReadKind kind, Context context, String... path) {
        return new Event.Read(List.of(path), kind, at(1, 1), context);
    }

    @Test
    void aMissingMemberIsAnErrorWithAHint() {
        List<Diagnostic> found = check(Kind.HANDLER, read(ReadKind.USE, TOP_LEVEL, "os", "getenv"));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(Rules.SANDBOX_GLOBAL);
            assertThat(d.stage()).isEqualTo(Stage.UPLOAD);
            assertThat(d.message()).startsWith("'os.getenv' is not available in Kong's plugin sandbox")
                    .contains("plugin's config");
        });
        assertThat(check(Kind.SCHEMA, read(ReadKind.USE, TOP_LEVEL, "ngx", "log")).get(0).message())
                .contains("move this code to handler.lua");
    }

    @Test
    void anAliasOfAMissingLeafFailsWhereItIsUsed() {
        assertThat(check(Kind.HANDLER, read(ReadKind.ALIAS, TOP_LEVEL, "os", "getenv"))).isEmpty();
        assertThat(check(Kind.HANDLER, read(ReadKind.ALIAS_USED, IN_FUNCTION, "os", "getenv")))
                .extracting(Diagnostic::stage).containsExactly(Stage.RUNTIME);
        // Indexing a missing table fails at once.
        assertThat(check(Kind.HANDLER, read(ReadKind.ALIAS, TOP_LEVEL, "debug", "traceback"))).hasSize(1);
        assertThat(check(Kind.HANDLER, read(ReadKind.ALIAS_USED, TOP_LEVEL, "debug", "traceback"))).isEmpty();
    }

    @Test
    void theContextDecidesSeverityStageOrSilence() {
        assertThat(check(Kind.HANDLER, read(ReadKind.USE, DEAD, "os", "getenv"))).isEmpty();
        assertThat(check(Kind.HANDLER, read(ReadKind.USE, CAUGHT, "os", "getenv"))).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        assertThat(check(Kind.HANDLER, read(ReadKind.USE, TOP_LEVEL, "ngx", "re", "find"))).isEmpty();
    }

    @Test
    void undefinedGlobalsFailWhenIndexedOrCalledUnlessTheFileAssignsThem() {
        Event index = read(ReadKind.USE, TOP_LEVEL, "helper", "run");
        Event call = new Event.Call(new Value.Global(List.of("helper")), null, at(2, 1), TOP_LEVEL);
        assertThat(check(Kind.HANDLER, read(ReadKind.USE, TOP_LEVEL, "helper"))).isEmpty();
        assertThat(check(Kind.HANDLER, index, call)).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("so indexing it fails")).anyMatch(m -> m.startsWith("calls 'helper'"));
        // The assignment itself is the finding, even when it comes after the uses.
        assertThat(check(Kind.HANDLER, index, call, new Event.GlobalWrite("helper", false, at(3, 1), TOP_LEVEL)))
                .singleElement().satisfies(d -> assertThat(d.message()).startsWith("assigns the global 'helper'"));
    }

    @Test
    void writesToProtectedTablesFailAndOverwritesWarn() {
        assertThat(check(Kind.HANDLER, new Event.FieldWrite(List.of("kong"), "mine", at(1, 1), TOP_LEVEL)))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("'kong' table is read-only"));
        assertThat(check(Kind.HANDLER, new Event.FieldWrite(List.of("kong"), "log", at(1, 1), TOP_LEVEL)))
                .singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        assertThat(check(Kind.HANDLER, new Event.FieldWrite(List.of("ngx"), "mine", at(1, 1), TOP_LEVEL))).isEmpty();
        assertThat(check(Kind.HANDLER, new Event.FieldWrite(List.of("kong", "configuration"), "x", at(1, 1),
                TOP_LEVEL))).hasSize(1);
    }

    @Test
    void timerPathsAreTheTimerChecks() {
        assertThat(check(Kind.HANDLER, read(ReadKind.USE, TOP_LEVEL, "ngx", "timer", "at"))).isEmpty();
    }
}
