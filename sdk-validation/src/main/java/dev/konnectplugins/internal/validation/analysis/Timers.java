package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.validation.Rules;
import java.util.List;

/**
 * Rule pass {@code sandbox.timer} (error): the sandbox has no timers ({@code ngx.timer} and {@code kong.timer} are
 * nil there), so reaching one, calling a local function that starts one, or requiring a timer library fails.
 */
final class Timers {
    private final SandboxReports reports;

    Timers(SandboxReports reports) {
        this.reports = reports;
    }

    /** Whether an absent global path is a timer API (reported here rather than as sandbox.global). */
    static boolean isTimer(List<String> path) {
        return SandboxMessages.isTimerPath(path);
    }

    void timerReached(String dotted, int line, int column) {
        reports.report(Rules.SANDBOX_TIMER, line, column, SandboxMessages.timer(dotted));
    }

    void wrapperCalled(FunctionInfo wrapper, int line, int column) {
        reports.report(Rules.SANDBOX_TIMER, line, column,
                SandboxMessages.timerWrapper(wrapper.name(), wrapper.line(), wrapper.timerSource()));
    }

    /** {@code require} of a timer library; under {@code pcall(require, ...)} the error is caught. */
    void timerModule(String module, boolean protectedCall, int line, int column) {
        if (SandboxMessages.TIMER_MODULES.contains(module) && !protectedCall) {
            reports.report(Rules.SANDBOX_TIMER, line, column, SandboxMessages.timerModule(module));
        }
    }
}
