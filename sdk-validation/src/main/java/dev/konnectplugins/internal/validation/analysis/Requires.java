package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;

/**
 * Rule pass {@code sandbox.require} (error): a module outside the sandbox's require allowlist for the file. Under
 * {@code pcall(require, ...)} the error is caught (a warning), and a computed module name cannot be checked (a
 * warning).
 */
final class Requires {
    private final SandboxSpec spec;
    private final Kind kind;
    private final SandboxReports reports;

    Requires(SandboxSpec spec, Kind kind, SandboxReports reports) {
        this.spec = spec;
        this.kind = kind;
        this.reports = reports;
    }

    void computedName(int line, int column) {
        reports.warning(Rules.SANDBOX_REQUIRE, line, column,
                "requires a computed module name, which cannot be checked against the sandbox's allowlist");
    }

    void required(String module, boolean protectedCall, int line, int column) {
        if (spec.canRequire(kind, module)) {
            return;
        }
        String message = SandboxMessages.notAllowlisted(module, kind.file(), module.startsWith("kong.plugins."));
        if (protectedCall) {
            reports.warning(Rules.SANDBOX_REQUIRE, line, column,
                    message + "; pcall catches the error, so make sure the fallback works");
        } else {
            reports.report(Rules.SANDBOX_REQUIRE, line, column, message);
        }
    }
}
