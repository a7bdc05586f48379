package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.FunctionInfo;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule {@code sandbox.timer} (error): the sandbox has no timers ({@code ngx.timer} and {@code kong.timer} are nil
 * there), so reaching one, calling a local function that starts one (directly or through another such function), or
 * requiring a timer library fails.
 */
public final class TimerCheck {
    static final String RULE = Rules.SANDBOX_TIMER;
    /** Modules whose use starts timers (directly or in their constructors). */
    private static final Set<String> TIMER_MODULES = Set.of("resty.timer", "resty.timerng", "resty.timer-ng",
            "kong.tools.queue", "kong.tools.batch_queue", "resty.counter", "prometheus_resty_counter",
            "kong.plugins.prometheus.prometheus_resty_counter");
    private static final Set<String> KONG_TIMER_CREATORS = Set.of("at", "every", "named_at", "named_every");
    private static final Set<String> NGX_TIMER_CREATORS = Set.of("at", "every");

    private final SandboxSpec spec;
    private final Kind kind;
    private final SandboxFindings findings;
    /** The functions of the file that create a timer, with the API or module they reach it through. */
    private final Map<FunctionInfo, String> timerSources = new IdentityHashMap<>();

    private TimerCheck(SandboxSpec spec, Kind kind, Findings out) {
        this.spec = spec;
        this.kind = kind;
        this.findings = new SandboxFindings(out, kind.file());
    }

    /** Checks one file's resolved events. */
    public static void check(Resolution resolution, SandboxSpec spec, Kind kind, Findings out) {
        TimerCheck check = new TimerCheck(spec, kind, out);
        for (Event event : resolution.events()) {
            if (event instanceof Event.Read read) {
                check.read(read);
            } else if (event instanceof Event.Call call) {
                check.call(call);
            } else if (event instanceof Event.Require require) {
                check.require(require);
            }
        }
    }

    /** Whether a missing global path is a timer API (so the finding is sandbox.timer, not sandbox.global). */
    static boolean isTimerPath(List<String> path) {
        if (path.size() == 1) {
            return path.get(0).equals("native_timer_at") || path.get(0).equals("native_timer_every");
        }
        if (path.get(0).equals("ngx") && path.get(1).equals("timer")) {
            return path.size() == 2 || NGX_TIMER_CREATORS.contains(path.get(2));
        }
        if (path.get(0).equals("kong") && path.get(1).equals("timer")) {
            return path.size() == 2 || KONG_TIMER_CREATORS.contains(path.get(2));
        }
        return false;
    }

    private void read(Event.Read read) {
        SandboxSpec.Missing missing = SandboxReads.failing(spec, kind, read);
        if (missing != null && !missing.undefined() && isTimerPath(read.path())) {
            findings.report(RULE, read.context(), read.at(), "'" + String.join(".", read.path()) + "' creates a "
                    + "timer, but the plugin sandbox has no timers (ngx.timer and kong.timer are nil there); do the "
                    + "work within the request, e.g. in the log phase");
        }
    }

    /** A call: of a timer API or module (its caller creates timers), or of a function of the file that does. */
    private void call(Event.Call call) {
        if (call.callee() instanceof Value.Global g) {
            if (!g.path().isEmpty() && isTimerPath(g.path()) && (g.path().size() == 1 || g.path().size() == 3)) {
                createsTimer(call.caller(), g.dotted());
            }
        } else if (call.callee() instanceof Value.Function f && timerSources.containsKey(f.info())
                && f.info() != call.caller()) {
            String source = timerSources.get(f.info());
            findings.report(RULE, call.context(), call.at(), "calls '" + f.info().name() + "' (line "
                    + f.info().line() + "), which creates a timer through '" + source
                    + "'; the plugin sandbox has no timers");
            createsTimer(call.caller(), source);
        } else if (call.callee() instanceof Value.Module m && TIMER_MODULES.contains(m.module())) {
            createsTimer(call.caller(), m.module());
        }
    }

    /** {@code require} of a timer library; under {@code pcall(require, ...)} the error is caught. */
    private void require(Event.Require require) {
        if (require.module() != null && TIMER_MODULES.contains(require.module()) && !require.protectedCall()) {
            findings.report(RULE, require.context(), require.at(), "'" + require.module() + "' starts timers, "
                    + "which the plugin sandbox cannot run; do the work within the request");
        }
    }

    private void createsTimer(FunctionInfo function, String source) {
        timerSources.putIfAbsent(function, source);
    }
}
