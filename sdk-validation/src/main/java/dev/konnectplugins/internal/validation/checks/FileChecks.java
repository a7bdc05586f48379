package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.resolve.Environment;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;

/**
 * The checks judged on one file's resolution alone, before its top level is evaluated (a file LuaJIT would refuse is
 * not run): LuaJIT's compile limits and the sandbox's globals, timers and requires.
 */
public final class FileChecks {
    private FileChecks() {
    }

    /** The environment the resolver resolves a file in: a global path is absent when the sandbox lacks it. */
    public static Environment environment(SandboxSpec spec, Kind kind) {
        return path -> spec.lookup(kind, path) instanceof SandboxSpec.Missing;
    }

    /** Runs every file check on one file's resolution. */
    public static void run(Resolution resolution, SandboxSpec spec, Kind kind, Findings out) {
        SyntaxCheck.compileLimits(kind.file(), resolution, out);
        SandboxGlobalsCheck.check(resolution, spec, kind, out);
        TimerCheck.check(resolution, spec, kind, out);
        RequireCheck.check(resolution, spec, kind, out);
    }
}
