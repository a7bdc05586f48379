package dev.konnectplugins.internal.validation.eval;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Stops evaluated code after an instruction budget or a wall-clock deadline, so that {@code while true do end} at
 * the top level of a plugin cannot hang validation. luaj calls these hooks for every closure whose environment is
 * the sandbox's Globals; the debug library itself is never exposed to the code.
 */
final class ExecutionBudget extends DebugLib {
    private final long maxInstructions;
    private final long deadlineNanos;
    private long instructions;

    ExecutionBudget(long maxInstructions, long timeLimitNanos) {
        this.maxInstructions = maxInstructions;
        this.deadlineNanos = System.nanoTime() + timeLimitNanos;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (++instructions > maxInstructions) {
            throw new Exhausted("did not finish within " + maxInstructions + " Lua instructions");
        }
        if ((instructions & 0x3FF) == 0 && System.nanoTime() > deadlineNanos) {
            throw new Exhausted("did not finish within the evaluation time limit");
        }
    }

    @Override
    public void onCall(LuaFunction f) {
        // No call stack is kept: nothing reads it.
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        // No call stack is kept: nothing reads it.
    }

    @Override
    public void onReturn() {
        // No call stack is kept: nothing reads it.
    }

    @Override
    public String traceback(int level) {
        return "";
    }

    /**
     * Thrown through the evaluated code. An Error, not a LuaError, so that {@code pcall} in that code cannot catch
     * it (luaj's pcall catches LuaError and Exception).
     */
    static final class Exhausted extends Error {
        private static final long serialVersionUID = 1L;

        Exhausted(String message) {
            super(message, null, false, false);
        }
    }
}
