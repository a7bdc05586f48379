package dev.konnectplugins.internal.validation.checks;

import static dev.konnectplugins.internal.validation.checks.Models.CAUGHT;
import static dev.konnectplugins.internal.validation.checks.Models.IN_FUNCTION;
import static dev.konnectplugins.internal.validation.checks.Models.TOP_LEVEL;
import static dev.konnectplugins.internal.validation.checks.Models.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Event.ReadKind;
import dev.konnectplugins.internal.validation.resolve.FunctionInfo;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sandbox.timer, on resolver events made by hand. */
class TimerCheckTest {
    private static final FunctionInfo MAIN = new FunctionInfo("main chunk", 1);

    private static List<Diagnostic> check(Event... events) {
        Findings out = new Findings();
        TimerCheck.check(new Resolution(List.of(events), ChunkFacts.NONE), Models.SPEC, Kind.HANDLER, out);
        return out.sorted();
    }

    @Test
    void reachingATimerIsAnErrorEvenUnderPcall() {
        assertThat(check(new Event.Read(List.of("ngx", "timer", "every"), ReadKind.USE, at(2, 3), CAUGHT)))
                .singleElement().satisfies(d -> {
                    assertThat(d.rule()).isEqualTo(Rules.SANDBOX_TIMER);
                    assertThat(d.severity()).isEqualTo(Severity.ERROR);
                    assertThat(d.message()).startsWith("'ngx.timer.every' creates a timer");
                });
        assertThat(check(new Event.Read(List.of("ngx", "timer", "running_count"), ReadKind.USE, at(1, 1),
                TOP_LEVEL))).isEmpty();
    }

    @Test
    void aFunctionThatStartsATimerMakesItsCallersTimerStarters() {
        FunctionInfo start = new FunctionInfo("start", 1);
        FunctionInfo outer = new FunctionInfo("outer", 4);
        List<Diagnostic> found = check(
                new Event.Call(new Value.Global(List.of("ngx", "timer", "at")), start, at(2, 3), IN_FUNCTION),
                new Event.Call(new Value.Function(start), outer, at(5, 3), IN_FUNCTION),
                new Event.Call(new Value.Function(outer), MAIN, at(7, 1), TOP_LEVEL));
        assertThat(found).extracting(Diagnostic::message).containsExactly(
                "calls 'start' (line 1), which creates a timer through 'ngx.timer.at'; the plugin sandbox has no timers",
                "calls 'outer' (line 4), which creates a timer through 'ngx.timer.at'; the plugin sandbox has no timers");
        // A function calling itself is not reported at its own call.
        assertThat(check(new Event.Call(new Value.Global(List.of("ngx", "timer", "at")), start, at(2, 3),
                IN_FUNCTION), new Event.Call(new Value.Function(start), start, at(3, 3), IN_FUNCTION))).isEmpty();
    }

    @Test
    void timerLibrariesUnlessRequiredUnderPcall() {
        assertThat(check(new Event.Require("resty.timer", false, at(1, 11), TOP_LEVEL))).hasSize(1);
        assertThat(check(new Event.Require("resty.timer", true, at(1, 11), TOP_LEVEL))).isEmpty();
        FunctionInfo queue = new FunctionInfo("enqueue", 2);
        assertThat(check(new Event.Call(new Value.Module("kong.tools.queue"), queue, at(3, 3), IN_FUNCTION),
                new Event.Call(new Value.Function(queue), MAIN, at(5, 1), TOP_LEVEL))).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("through 'kong.tools.queue'"));
    }
}
