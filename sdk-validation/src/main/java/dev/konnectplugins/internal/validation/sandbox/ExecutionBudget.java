package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * Holds one evaluation to its {@link Limit}s. luaj calls these hooks for every instruction and call of a closure
 * whose environment is the sandbox's Globals; the library functions of the sandbox charge their own work
 * ({@link #step}) and the memory they are about to use ({@link #allocate}) before they do it, so that no single
 * call (a backtracking pattern, a huge {@code rep}) can run or allocate past a limit. The debug library itself is
 * never exposed to the code.
 *
 * <p>Not thread-safe, and need not be: the evaluation and its coroutines run one at a time, handing control over
 * through a synchronising queue.
 */
final class ExecutionBudget extends DebugLib {
    private static final long TIME_CHECK_MASK = 0x3FF;
    /**
     * Rough bytes of a table entry in luaj (the entry, the slot, a boxed number). Tables, closures and numbers that
     * are not stored somewhere are garbage the collector takes back, so only new entries are charged: what a plugin
     * keeps grows only through them.
     */
    private static final long ENTRY_BYTES = 48;
    /** Bytes of a luaj string besides its characters (the object and its array), charged with each concatenation. */
    private static final long STRING_BYTES = 40;

    private final LuaString chunk;
    private final Watchdog watchdog;
    private final long deadlineNanos;
    private long steps;
    private CallStack stack = new CallStack();
    private final LuaJitOperators operators = new LuaJitOperators();

    /** @param chunk the chunk name of the plugin file ("@handler.lua"), to report the line that ran out */
    ExecutionBudget(String chunk) {
        this(chunk, Watchdog.current());
    }

    /** A budget that also stops when {@code watchdog} does (read every thousand steps or so). */
    ExecutionBudget(String chunk, Watchdog watchdog) {
        this.chunk = LuaString.valueOf(chunk);
        this.watchdog = watchdog;
        this.deadlineNanos = System.nanoTime() + Limit.TIME.value() * 1_000_000L;
    }

    /** Charges {@code n} units of library work (one per pattern-matching step, per few bytes copied...). */
    void step(long n) {
        steps += n;
        if (steps > Limit.INSTRUCTIONS.value()) {
            throw exceeded(Limit.INSTRUCTIONS);
        }
        if (n > TIME_CHECK_MASK || (steps & TIME_CHECK_MASK) < n) {
            checkTime();
        }
    }

    /**
     * Charges {@code bytes} of memory about to be allocated; refuses before the allocation when over the limit. The
     * memory limit is the whole validation's (both files' evaluations and the rule checks, whose results stay
     * alive together): it is counted by the {@link Watchdog}.
     */
    void allocate(long bytes) {
        if (!watchdog.reserve(bytes)) {
            throw exceeded(Limit.MEMORY);
        }
        // Copying costs time too: a byte of work per 64 bytes made.
        step(1 + (bytes >> 6));
    }

    /** The error to throw for {@code limit}, pointing at the plugin's line that was running. */
    LimitExceeded exceeded(Limit limit) {
        return new LimitExceeded(limit, stack.pluginLine(chunk));
    }

    /**
     * Where {@code error(message, level)} says the error is: "schema.lua:12:" for the Lua function {@code level}
     * calls up, or "" when that is a library function or there is none.
     */
    String where(int level) {
        return stack.where(level);
    }

    /** The call stack of the coroutine taking over (or the main one, when it ends); returns the previous one. */
    CallStack switchTo(CallStack next) {
        CallStack previous = stack;
        stack = next;
        return previous;
    }

    private void checkTime() {
        if (System.nanoTime() > deadlineNanos) {
            throw exceeded(Limit.TIME);
        }
        try {
            watchdog.check();
        } catch (LimitExceeded e) {
            throw exceeded(e.limit());
        }
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (++steps > Limit.INSTRUCTIONS.value()) {
            throw exceeded(Limit.INSTRUCTIONS);
        }
        if ((steps & TIME_CHECK_MASK) == 0) {
            checkTime();
        }
        operators.afterPrevious();
        CallStack s = stack;
        if (s.depth == 0) {
            return;
        }
        int top1 = s.depth - 1;
        s.pcs[top1] = pc;
        LuaClosure closure = s.closures[top1];
        if (closure == null || pc >= closure.p.code.length) {
            return;
        }
        int instruction = closure.p.code[pc];
        switch (Lua.GET_OPCODE(instruction)) {
            case Lua.OP_CONCAT -> concat(s.stacks[top1], Lua.GETARG_B(instruction), Lua.GETARG_C(instruction));
            case Lua.OP_SETTABLE -> setTable(closure, s.stacks[top1], instruction);
            case Lua.OP_SETLIST -> allocate(ENTRY_BYTES * Math.max(1, Lua.GETARG_B(instruction)));
            case Lua.OP_LEN, Lua.OP_LT, Lua.OP_LE -> operators.before(closure, s.stacks[top1], instruction);
            default -> {
            }
        }
    }

    /** Before {@code R(A)[RK(B)] = RK(C)}: charges an entry when the key is new to a plain table. */
    private void setTable(LuaClosure closure, LuaValue[] registers, int instruction) {
        LuaValue target = registers[Lua.GETARG_A(instruction)];
        if (target instanceof LuaTable table) {
            int b = Lua.GETARG_B(instruction);
            LuaValue key = Lua.ISK(b) ? closure.p.k[Lua.INDEXK(b)] : registers[b];
            if (key != null && !key.isnil() && table.rawget(key).isnil()) {
                allocate(ENTRY_BYTES);
            }
        }
    }

    /**
     * Before {@code R(B) .. ... .. R(C)}: charges the result's size, and writes numbers as LuaJIT does ("%.14g")
     * instead of luaj's way. The operands are temporaries the compiler copied for this instruction, so replacing
     * them changes nothing else.
     */
    private void concat(LuaValue[] registers, int from, int to) {
        long length = 0;
        for (int i = from; i <= to && i < registers.length; i++) {
            LuaValue value = registers[i];
            if (value == null) {
                continue;
            }
            if (value.type() == LuaValue.TNUMBER) {
                value = LuaNumbers.toLuaString(value.todouble());
                registers[i] = value;
            }
            if (value.type() == LuaValue.TSTRING) {
                length += ((LuaString) value).m_length;
            }
        }
        allocate(STRING_BYTES + length);
    }

    @Override
    public void onCall(LuaFunction f) {
        push(null, null);
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] registers) {
        push(c, registers);
    }

    @Override
    public void onReturn() {
        stack.pop();
    }

    @Override
    public String traceback(int level) {
        return "";
    }

    private void push(LuaClosure closure, LuaValue[] registers) {
        if (!stack.push(closure, registers)) {
            throw exceeded(Limit.DEPTH);
        }
    }

    /** The Lua calls of one coroutine (or of the main chunk): closure, registers and current pc per level. */
    static final class CallStack {
        private LuaClosure[] closures = new LuaClosure[64];
        private LuaValue[][] stacks = new LuaValue[64][];
        private int[] pcs = new int[64];
        private int depth;

        boolean push(LuaClosure closure, LuaValue[] registers) {
            if (depth >= Limit.DEPTH.value()) {
                return false;
            }
            if (depth == closures.length) {
                closures = java.util.Arrays.copyOf(closures, depth * 2);
                stacks = java.util.Arrays.copyOf(stacks, depth * 2);
                pcs = java.util.Arrays.copyOf(pcs, depth * 2);
            }
            closures[depth] = closure;
            stacks[depth] = registers;
            pcs[depth] = 0;
            depth++;
            return true;
        }

        void pop() {
            if (depth > 0) {
                depth--;
                closures[depth] = null;
                stacks[depth] = null;
            }
        }

        String where(int level) {
            int i = depth - level;
            if (level < 1 || i < 0 || closures[i] == null) {
                return "";
            }
            LuaClosure closure = closures[i];
            String source = closure.p.source == null ? "?" : closure.p.source.tojstring();
            int[] lines = closure.p.lineinfo;
            int line = lines != null && pcs[i] < lines.length ? lines[pcs[i]] : 0;
            return (source.startsWith("@") ? source.substring(1) : source) + ":" + line + ":";
        }

        /** The line running in the innermost call of the plugin's own chunk, or 0. */
        int pluginLine(LuaString chunk) {
            for (int i = depth - 1; i >= 0; i--) {
                LuaClosure closure = closures[i];
                if (closure != null && chunk.equals(closure.p.source)) {
                    int[] lines = closure.p.lineinfo;
                    return lines != null && pcs[i] < lines.length ? lines[pcs[i]] : 0;
                }
            }
            return 0;
        }
    }
}
