package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Context;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule {@code sandbox.global} (error): globals and fields the sandbox lacks (indexing or calling them fails;
 * reading them gives nil), undefined globals indexed or called, and writes to the sandbox's protected tables. Kong's
 * protect() refuses only new keys ({@code __newindex}), so overwriting a member the sandbox has is a warning.
 */
public final class SandboxGlobalsCheck {
    static final String RULE = Rules.SANDBOX_GLOBAL;
    /** The words every read of a member the sandbox lacks says ({@link Findings#absentMemberReadsRunLater}). */
    static final String ABSENT_MEMBER_WORDS = "is not available in Kong's plugin sandbox (it is nil there)";
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("setmetatable", "build plain tables (functions as fields) instead of metatables"),
            Map.entry("getmetatable", "do not depend on metatables inside the sandbox"),
            Map.entry("rawget", "index the table normally"),
            Map.entry("rawset", "assign the field normally"),
            Map.entry("ngx.shared", "use kong.cache for shared state"),
            Map.entry("os.getenv", "pass the value through the plugin's config (a referenceable field) instead"),
            Map.entry("os.execute", "the sandbox cannot run processes"),
            Map.entry("io", "the sandbox cannot access files"),
            Map.entry("load", "the sandbox cannot compile code at run time"),
            Map.entry("loadstring", "the sandbox cannot compile code at run time"),
            Map.entry("package", "require only allowlisted modules"),
            Map.entry("debug", "the debug library is not available"),
            Map.entry("kong.worker_events", "worker events are not available to streamed plugins"),
            Map.entry("kong.cluster_events", "cluster events are not available to streamed plugins"));

    private final SandboxSpec spec;
    private final Kind kind;
    private final SandboxFindings findings;
    /** Globals this file assigns (already reported there); their uses are not reported again. */
    private final Set<String> assignedGlobals = new HashSet<>();
    /** Indexing or calls of undefined globals, reported at the end unless the file assigns that global. */
    private final List<UndefinedUse> undefinedUses = new ArrayList<>();

    private record UndefinedUse(String root, Diagnostic finding) {
    }

    private SandboxGlobalsCheck(SandboxSpec spec, Kind kind, Findings out) {
        this.spec = spec;
        this.kind = kind;
        this.findings = new SandboxFindings(out, kind.file());
    }

    /** Checks one file's resolved reads, calls and writes. */
    public static void check(Resolution resolution, SandboxSpec spec, Kind kind, Findings out) {
        SandboxGlobalsCheck check = new SandboxGlobalsCheck(spec, kind, out);
        for (Event event : resolution.events()) {
            if (event instanceof Event.Read read) {
                check.read(read);
            } else if (event instanceof Event.Call call) {
                check.call(call);
            } else if (event instanceof Event.GlobalWrite write) {
                check.globalAssigned(write);
            } else if (event instanceof Event.FieldWrite write) {
                check.fieldAssigned(write);
            }
        }
        check.finish();
    }

    private void read(Event.Read read) {
        SandboxSpec.Missing missing = SandboxReads.failing(spec, kind, read);
        if (missing == null) {
            return;
        }
        List<String> path = read.path();
        if (missing.undefined()) {
            // Reading an undefined global gives nil; indexing it fails.
            if (path.size() > 1) {
                undefined(path.get(0), false, read.at(), read.context());
            }
        } else if (!TimerCheck.isTimerPath(path)) {
            findings.report(RULE, read.context(), read.at(),
                    missing(String.join(".", path.subList(0, missing.length())), kind == Kind.SCHEMA));
        }
    }

    /** A call of an undefined global. */
    private void call(Event.Call call) {
        if (call.callee() instanceof Value.Global g && g.path().size() == 1
                && spec.lookup(kind, g.path()) instanceof SandboxSpec.Missing missing && missing.undefined()) {
            undefined(g.path().get(0), true, call.at(), call.context());
        }
    }

    /** An undefined global (nil in every environment) indexed ({@code call} false) or called. */
    private void undefined(String root, boolean call, SourcePosition at, Context context) {
        Diagnostic finding = findings.finding(RULE, context, at, call
                ? "calls '" + root + "', which is not defined in Kong's plugin sandbox (it is nil there); define it "
                        + "as a local function or use an allowlisted global"
                : "'" + root + "' is not defined in Kong's plugin sandbox (it is nil there), so indexing it fails; "
                        + "use only the sandbox's allowlisted globals (see README)");
        if (finding != null) {
            undefinedUses.add(new UndefinedUse(root, finding));
        }
    }

    /** {@code name = value} on a global. */
    private void globalAssigned(Event.GlobalWrite write) {
        assignedGlobals.add(write.name());
        write(List.of(write.name()), write.at(), write.context(), globalWrite(write.name(), write.function()));
    }

    /** {@code table.name = value} on a sandbox table; every write to kong.configuration fails. */
    private void fieldAssigned(Event.FieldWrite write) {
        List<String> table = write.table();
        if (!isProtected(table)) {
            return;
        }
        String name = write.name();
        if (isConfiguration(table)) {
            findings.report(RULE, write.context(), write.at(), protectedWrite(String.join(".", table), name));
            return;
        }
        List<String> member = new ArrayList<>(table);
        member.add(name);
        write(member, write.at(), write.context(), table.isEmpty() ? globalWrite(name, false)
                : protectedWrite(String.join(".", table), name));
    }

    /** Whether writing a field of this global table is judged here at all (ngx and opaque values are writable). */
    private boolean isProtected(List<String> table) {
        return (spec.isProtectedTable(kind, table) || isConfiguration(table))
                && !(spec.lookup(kind, table) instanceof SandboxSpec.Missing);
    }

    /** Reports the undefined uses of globals the file never assigns, once every event is seen. */
    private void finish() {
        for (UndefinedUse use : undefinedUses) {
            if (!assignedGlobals.contains(use.root())) {
                findings.add(use.finding());
            }
        }
    }

    private void write(List<String> member, SourcePosition at, Context context, String message) {
        if (spec.lookup(kind, member) instanceof SandboxSpec.Present) {
            findings.warning(RULE, context, at, "overwrites '" + String.join(".", member)
                    + "', which the sandbox has; Kong allows replacing an existing member (only new keys are "
                    + "refused), but it changes it for the rest of the sandbox: keep your version in a local");
            return;
        }
        findings.report(RULE, context, at, message);
    }

    private static boolean isConfiguration(List<String> path) {
        return path.size() >= 2 && path.get(0).equals("kong") && path.get(1).equals("configuration");
    }

    private static String missing(String dotted, boolean schema) {
        String hint = HINTS.get(dotted);
        if (hint == null && dotted.contains(".")) {
            hint = HINTS.get(dotted.substring(0, dotted.indexOf('.')));
        }
        if (schema && (dotted.startsWith("ngx") || dotted.startsWith("kong"))) {
            hint = "schema.lua runs in a sandbox with only Lua's basic functions; move this code to handler.lua";
        }
        return "'" + dotted + "' " + ABSENT_MEMBER_WORDS
                + (hint == null ? "; use only the sandbox's allowlisted globals (see README)" : "; " + hint);
    }

    private static String globalWrite(String name, boolean function) {
        return (function ? "defines the global function '" : "assigns the global '") + name
                + "', but the sandbox's globals are read-only (\"Cannot modify _G." + name
                + "\"); declare it local";
    }

    private static String protectedWrite(String table, String field) {
        return "assigns '" + table + "." + field + "', but the sandbox's '" + table
                + "' table is read-only; keep the value in a local instead";
    }
}
