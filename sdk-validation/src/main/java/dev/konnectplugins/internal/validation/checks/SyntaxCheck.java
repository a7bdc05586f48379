package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.validation.Rules;

/**
 * Rules {@code lua.syntax} (error) and {@code lua.complexity} (error): a file that does not parse or compile as
 * Kong's LuaJIT dialect, and what LuaJIT refuses at compile time that luaj's AST parser lets through, judged on the
 * resolver's events: {@code break} outside a loop, {@code ...} outside a vararg function, a goto without a visible
 * label, more than 200 active locals or 120 upvalues in a function, nested calls that need more stack slots than a
 * function has (and a warning for a key given twice in a table constructor); and an expression too long for the
 * validator to analyse.
 */
public final class SyntaxCheck {
    static final String RULE = Rules.LUA_SYNTAX;
    /** LuaJIT's LJ_MAX_LOCVAR. */
    static final int MAX_LOCALS = 200;
    /** LuaJIT's LJ_MAX_UPVAL as Kong builds it (the Kong oracle compiles 120 upvalues and refuses 121). */
    static final int MAX_UPVALUES = 120;
    /** LuaJIT's LJ_MAX_SLOTS: a frame may use slots 0 to 248. */
    static final int MAX_SLOTS = 250;

    private SyntaxCheck() {
    }

    /** What the dialect, the parser or the compiler refuses. */
    public static void problem(String file, SyntaxProblem problem, Findings out) {
        out.error(RULE, file, problem.at(), problem.message() + " (" + file
                + " must parse as the LuaJIT dialect Kong runs)");
    }

    /**
     * An expression with more operators than {@code limit}: luaj's AST parser is quadratic on it, so rather than
     * pass a file it did not analyse, the validator refuses it (Kong itself may accept it).
     */
    public static void tooComplex(String file, SourcePosition at, int limit, Findings out) {
        out.error(Rules.LUA_COMPLEXITY, file, at, "this expression has more than " + limit + " operators, too many "
                + "for the validator to analyse, so it cannot check " + file + " against the sandbox; split it (for "
                + "a long concatenation, collect the parts in a table and use table.concat)");
    }

    /** LuaJIT's compile-time limits, on one file's resolved events. */
    public static void compileLimits(String file, Resolution resolution, Findings out) {
        for (Event event : resolution.events()) {
            if (event instanceof Event.BreakOutsideLoop b) {
                out.error(RULE, file, b.at(), "'break' outside a loop (LuaJIT: no loop to break)");
            } else if (event instanceof Event.VarargOutsideVarargFunction v) {
                out.error(RULE, file, v.at(), "cannot use '...' outside a vararg function");
            } else if (event instanceof Event.DuplicateKey d) {
                duplicateKey(file, d, out);
            } else if (event instanceof Event.CallNesting c && c.slots() >= MAX_SLOTS) {
                out.error(RULE, file, c.at(), "these nested calls need more than " + MAX_SLOTS + " stack slots, so "
                        + "LuaJIT refuses the file (\"function or expression too complex\"); compute the inner calls "
                        + "into locals first");
            } else if (event instanceof Event.FunctionEnd f) {
                functionEnded(file, f, out);
            }
        }
    }

    /**
     * A key given twice in one table constructor. LuaJIT keeps a computed value over a constant one whatever their
     * order (constants go into the table template first), luaj keeps the last: a warning, since the validator's
     * evaluation may then see another value than Kong.
     */
    private static void duplicateKey(String file, Event.DuplicateKey key, Findings out) {
        out.warning(RULE, file, key.at(), "the key '" + key.name() + "' is given twice in this table; LuaJIT does "
                + "not always keep the last one (a computed value wins over a constant), so keep one");
    }

    private static void functionEnded(String file, Event.FunctionEnd function, Findings out) {
        for (Event.Goto pending : function.unresolvedGotos()) {
            out.error(RULE, file, pending.at(),
                    "no visible label '" + pending.label() + "' for goto (LuaJIT refuses the file)");
        }
        SourcePosition line = SourcePosition.ofLine(function.line());
        if (function.maxActiveLocals() > MAX_LOCALS) {
            out.error(RULE, file, line, "function at line " + function.line() + " has more than " + MAX_LOCALS
                    + " local variables (LuaJIT's limit); group them in tables");
        }
        if (function.upvalues() > MAX_UPVALUES) {
            out.error(RULE, file, line, "function at line " + function.line() + " has more than " + MAX_UPVALUES
                    + " upvalues (LuaJIT's limit); group the outer locals in a table");
        }
    }
}
