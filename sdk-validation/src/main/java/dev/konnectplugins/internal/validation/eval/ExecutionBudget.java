package dev.konnectplugins.internal.validation.eval;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Stops evaluated code after an instruction budget, a wall-clock deadline, a call depth, or a string concatenation
 * that would build a huge string, so that {@code while true do end} or {@code s = s .. s} at the top level of a
 * plugin cannot hang validation or exhaust memory. luaj calls these hooks for every closure whose environment is
 * the sandbox's Globals; the debug library itself is never exposed to the code.
 */
final class ExecutionBudget extends DebugLib {
    /** LuaJIT overflows its Lua stack at about ten thousand nested Lua calls; stop before that. */
    private static final int MAX_DEPTH = 8_000;
    private static final long MAX_STRING = 16L << 20;

    private final long maxInstructions;
    private final long deadlineNanos;
    private long instructions;
    private LuaClosure[] closures = new LuaClosure[64];
    private LuaValue[][] stacks = new LuaValue[64][];
    private int depth;

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
        LuaClosure closure = depth > 0 ? closures[depth - 1] : null;
        if (closure != null && pc < closure.p.code.length) {
            int instruction = closure.p.code[pc];
            if (Lua.GET_OPCODE(instruction) == Lua.OP_CONCAT) {
                checkConcat(stacks[depth - 1], Lua.GETARG_B(instruction), Lua.GETARG_C(instruction));
            }
        }
    }

    private static void checkConcat(LuaValue[] stack, int from, int to) {
        long length = 0;
        for (int i = from; i <= to && i < stack.length; i++) {
            LuaValue value = stack[i];
            if (value != null && value.isstring()) {
                length += value.rawlen();
            }
        }
        if (length > MAX_STRING) {
            throw new Exhausted("built a string of more than " + MAX_STRING + " bytes");
        }
    }

    @Override
    public void onCall(LuaFunction f) {
        push(null, null);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        push(c, stack);
    }

    @Override
    public void onReturn() {
        if (depth > 0) {
            depth--;
            closures[depth] = null;
            stacks[depth] = null;
        }
    }

    @Override
    public String traceback(int level) {
        return "";
    }

    private void push(LuaClosure closure, LuaValue[] stack) {
        if (depth >= MAX_DEPTH) {
            throw new Exhausted("overflowed the stack (more than " + MAX_DEPTH + " nested calls)");
        }
        if (depth == closures.length) {
            closures = java.util.Arrays.copyOf(closures, depth * 2);
            stacks = java.util.Arrays.copyOf(stacks, depth * 2);
        }
        closures[depth] = closure;
        stacks[depth] = stack;
        depth++;
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
