package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rule pass {@code sandbox.global} (error): globals and fields the sandbox lacks (indexing or calling them fails;
 * reading them gives nil), undefined globals indexed or called, and writes to the sandbox's protected tables. Kong's
 * protect() refuses only new keys ({@code __newindex}), so overwriting a member the sandbox has is a warning.
 */
final class SandboxAccess {
    private final SandboxSpec spec;
    private final Kind kind;
    private final SandboxReports reports;
    private final Findings out;
    /** Globals this file assigns (already reported there); their uses are not reported again. */
    private final Set<String> assignedGlobals = new HashSet<>();
    /** Indexing or calls of undefined globals, reported at the end unless the file assigns that global. */
    private final List<UndefinedUse> undefinedUses = new ArrayList<>();

    private record UndefinedUse(String root, Diagnostic finding) {
    }

    SandboxAccess(SandboxSpec spec, Kind kind, SandboxReports reports, Findings out) {
        this.spec = spec;
        this.kind = kind;
        this.reports = reports;
        this.out = out;
    }

    /** A global path the sandbox lacks, read where indexing or calling it fails. */
    void missing(List<String> path, int length, int line, int column) {
        reports.report(Rules.SANDBOX_GLOBAL, line, column,
                SandboxMessages.missing(String.join(".", path.subList(0, length)), kind == Kind.SCHEMA));
    }

    /** An undefined global (nil in every environment) indexed ({@code call} false) or called. */
    void undefined(String root, boolean call, int line, int column) {
        Diagnostic finding = reports.finding(Rules.SANDBOX_GLOBAL, line, column,
                call ? SandboxMessages.undefinedCall(root) : SandboxMessages.undefinedIndex(root));
        if (finding != null) {
            undefinedUses.add(new UndefinedUse(root, finding));
        }
    }

    /** {@code name = value} on a global. */
    void globalAssigned(String name, boolean function, int line, int column) {
        assignedGlobals.add(name);
        write(List.of(name), line, column, SandboxMessages.globalWrite(name, function));
    }

    /** {@code table.name = value} on a sandbox table; every write to kong.configuration fails. */
    void fieldAssigned(List<String> table, String name, int line, int column) {
        if (isConfiguration(table)) {
            reports.report(Rules.SANDBOX_GLOBAL, line, column,
                    SandboxMessages.protectedWrite(String.join(".", table), name));
            return;
        }
        List<String> member = new ArrayList<>(table);
        member.add(name);
        write(member, line, column, table.isEmpty() ? SandboxMessages.globalWrite(name, false)
                : SandboxMessages.protectedWrite(String.join(".", table), name));
    }

    /** Whether writing a field of this global table is judged here at all (ngx and opaque values are writable). */
    boolean isProtected(List<String> table) {
        return (spec.isProtectedTable(kind, table) || isConfiguration(table))
                && !(spec.lookup(kind, table) instanceof SandboxSpec.Missing);
    }

    /** Reports the undefined uses of globals the file never assigns; call once, at the end. */
    void finish() {
        for (UndefinedUse use : undefinedUses) {
            if (!assignedGlobals.contains(use.root())) {
                out.add(use.finding());
            }
        }
    }

    private void write(List<String> member, int line, int column, String message) {
        if (spec.lookup(kind, member) instanceof SandboxSpec.Present) {
            reports.warning(Rules.SANDBOX_GLOBAL, line, column, "overwrites '" + String.join(".", member)
                    + "', which the sandbox has; Kong allows replacing an existing member (only new keys are "
                    + "refused), but it changes it for the rest of the sandbox: keep your version in a local");
            return;
        }
        reports.report(Rules.SANDBOX_GLOBAL, line, column, message);
    }

    private static boolean isConfiguration(List<String> path) {
        return path.size() >= 2 && path.get(0).equals("kong") && path.get(1).equals("configuration");
    }
}
