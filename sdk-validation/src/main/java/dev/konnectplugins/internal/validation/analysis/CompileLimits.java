package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.analysis.Scope.FunctionContext;
import dev.konnectplugins.internal.validation.analysis.Scope.PendingGoto;
import dev.konnectplugins.validation.Rules;

/**
 * Rule pass {@code lua.syntax} (error): what LuaJIT refuses at compile time and luaj's AST parser lets through,
 * judged from the resolver's facts (and a warning for a key given twice in a table constructor): {@code break} outside a loop, {@code ...} outside a vararg function, a goto
 * without a visible label, more than 200 active locals or 120 upvalues in a function, nested calls that need more
 * stack slots than a function has.
 */
final class CompileLimits {
    /** LuaJIT's LJ_MAX_LOCVAR. */
    static final int MAX_LOCALS = 200;
    /** LuaJIT's LJ_MAX_UPVAL as Kong builds it (the Kong oracle compiles 120 upvalues and refuses 121). */
    static final int MAX_UPVALUES = 120;

    private final Findings out;
    private final String file;

    CompileLimits(Findings out, String file) {
        this.out = out;
        this.file = file;
    }

    void breakOutsideLoop(int line, int column) {
        out.error(Rules.LUA_SYNTAX, file, line, column, "'break' outside a loop (LuaJIT: no loop to break)");
    }

    void varargOutsideVarargFunction(int line, int column) {
        out.error(Rules.LUA_SYNTAX, file, line, column, "cannot use '...' outside a vararg function");
    }

    /**
     * A key given twice in one table constructor. LuaJIT keeps a computed value over a constant one whatever their
     * order (constants go into the table template first), luaj keeps the last: a warning, since the validator's
     * evaluation may then see another value than Kong.
     */
    void duplicateKey(String name, int line, int column) {
        out.warning(Rules.LUA_SYNTAX, file, line, column, "the key '" + name + "' is given twice in this table; "
                + "LuaJIT does not always keep the last one (a computed value wins over a constant), so keep one");
    }

    /** Nested calls that need more stack slots than a LuaJIT function has ({@link CallSlots}). */
    void tooManySlots(int line, int column) {
        out.error(Rules.LUA_SYNTAX, file, line, column, "these nested calls need more than " + CallSlots.MAX_SLOTS
                + " stack slots, so LuaJIT refuses the file (\"function or expression too complex\"); compute the "
                + "inner calls into locals first");
    }

    /** Judges a function once its body has been resolved. */
    void functionEnded(FunctionContext context) {
        for (PendingGoto pending : context.gotos) {
            if (!labelVisible(pending)) {
                out.error(Rules.LUA_SYNTAX, file, pending.line(), pending.column(),
                        "no visible label '" + pending.label() + "' for goto (LuaJIT refuses the file)");
            }
        }
        if (context.maxLocals > MAX_LOCALS) {
            out.error(Rules.LUA_SYNTAX, file, context.line, 0, "function at line " + context.line + " has more than "
                    + MAX_LOCALS + " local variables (LuaJIT's limit); group them in tables");
        }
        if (context.upvalues.size() > MAX_UPVALUES) {
            out.error(Rules.LUA_SYNTAX, file, context.line, 0, "function at line " + context.line + " has more than "
                    + MAX_UPVALUES + " upvalues (LuaJIT's limit); group the outer locals in a table");
        }
    }

    private static boolean labelVisible(PendingGoto pending) {
        FunctionContext owner = pending.scope().function;
        for (Scope s = pending.scope(); s != null && s.function == owner; s = s.parent) {
            if (s.labels.contains(pending.label())) {
                return true;
            }
        }
        return false;
    }
}
