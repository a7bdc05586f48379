package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Context;
import dev.konnectplugins.validation.Rules;

/**
 * Where the sandbox checks report, with the resolver's context applied: nothing in code that cannot run in the
 * sandbox (the body of {@code if ngx.timer then}), a warning inside a function {@code pcall} runs on the spot (the
 * error is caught there; a timer is still an error, since the work silently never happens), an error otherwise.
 * A finding in the top level is one Kong meets when it runs that level on upload ({@link Stage#UPLOAD}); one inside
 * a function, when the function runs in a phase ({@link Stage#RUNTIME}).
 */
final class SandboxFindings {
    private final Findings out;
    private final String file;

    SandboxFindings(Findings out, String file) {
        this.out = out;
        this.file = file;
    }

    /** Reports now. */
    void report(String rule, Context context, SourcePosition at, String message) {
        Diagnostic finding = finding(rule, context, at, message);
        if (finding != null) {
            out.add(finding);
        }
    }

    /** The finding as the context makes it, or null in dead code. */
    Diagnostic finding(String rule, Context context, SourcePosition at, String message) {
        if (context.dead()) {
            return null;
        }
        if (context.caught() && !rule.equals(Rules.SANDBOX_TIMER)) {
            return new Diagnostic(rule, Severity.WARNING, stage(context), file, at.line(), at.column(),
                    message + "; here pcall catches the error, so make sure the fallback works");
        }
        return new Diagnostic(rule, Severity.ERROR, stage(context), file, at.line(), at.column(), message);
    }

    /** A warning whatever the context, except in dead code. */
    void warning(String rule, Context context, SourcePosition at, String message) {
        if (!context.dead()) {
            out.add(new Diagnostic(rule, Severity.WARNING, stage(context), file, Math.max(0, at.line()),
                    Math.max(0, at.column()), message));
        }
    }

    /** Adds a finding made earlier by {@link #finding}. */
    void add(Diagnostic finding) {
        out.add(finding);
    }

    private static Stage stage(Context context) {
        return context.inFunction() ? Stage.RUNTIME : Stage.UPLOAD;
    }
}
