package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.validation.Rules;
import java.util.function.Supplier;

/**
 * Where the sandbox rule passes report, with the resolver's context applied: nothing in code that cannot run in the
 * sandbox (the body of {@code if ngx.timer then}), a warning inside a function {@code pcall} runs on the spot (the
 * error is caught there; a timer is still an error, since the work silently never happens), an error otherwise.
 * A finding in the top level is one Kong meets when it runs that level on upload ({@link Stage#UPLOAD}); one inside
 * a function, when the function runs in a phase ({@link Stage#RUNTIME}).
 */
final class SandboxReports {
    private final Findings out;
    private final String file;
    private int deadCode;
    private int caught;
    private int functions;

    SandboxReports(Findings out, String file) {
        this.out = out;
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Reports now. */
    void report(String rule, int line, int column, String message) {
        Diagnostic finding = finding(rule, line, column, message);
        if (finding != null) {
            out.add(finding);
        }
    }

    /** The finding as the context makes it, or null in dead code. */
    Diagnostic finding(String rule, int line, int column, String message) {
        if (deadCode > 0) {
            return null;
        }
        if (caught > 0 && !rule.equals(Rules.SANDBOX_TIMER)) {
            return new Diagnostic(rule, Severity.WARNING, stage(), file, line, column,
                    message + "; here pcall catches the error, so make sure the fallback works");
        }
        return new Diagnostic(rule, Severity.ERROR, stage(), file, line, column, message);
    }

    /** A warning whatever the context, except in dead code. */
    void warning(String rule, int line, int column, String message) {
        if (deadCode == 0) {
            out.add(new Diagnostic(rule, Severity.WARNING, stage(), file, Math.max(0, line), Math.max(0, column),
                    message));
        }
    }

    /** Resolves the body of a function: what it reaches, it reaches when a phase calls it. */
    void inFunction(Runnable walk) {
        functions++;
        try {
            walk.run();
        } finally {
            functions--;
        }
    }

    private Stage stage() {
        return functions > 0 ? Stage.RUNTIME : Stage.UPLOAD;
    }

    /** Resolves code that cannot run in the sandbox when {@code dead}. */
    <T> T deadIf(boolean dead, Supplier<T> walk) {
        if (dead) {
            deadCode++;
        }
        try {
            return walk.get();
        } finally {
            if (dead) {
                deadCode--;
            }
        }
    }

    /** Resolves a function that pcall runs on the spot. */
    <T> T caught(Supplier<T> walk) {
        caught++;
        try {
            return walk.get();
        } finally {
            caught--;
        }
    }
}
