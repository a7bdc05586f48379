package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Makes two of luaj's instructions compute LuaJIT's result, from the budget's per-instruction hook: {@code #t} on a
 * table (LuaJIT's border, {@link LuaJitTables#length}) and {@code <}/{@code <=} on strings (LuaJIT compares bytes
 * unsigned, as memcmp; luaj compares Java's signed bytes, so "\200" < "a" there). Before the instruction runs, it
 * notes the fix; the next instruction of the same function (the hook's next call) applies it: the length is written
 * over luaj's, and a comparison's operand register, swapped for a string that gives luaj LuaJIT's answer, is put back.
 */
final class LuaJitOperators {
    private static final LuaString EMPTY = LuaString.valueOf("");

    private LuaValue[] registers;
    private int register;
    private LuaValue value;

    /** Applies the fix noted for the previous instruction, if any. */
    void afterPrevious() {
        if (registers != null) {
            registers[register] = value;
            registers = null;
            value = null;
        }
    }

    /** Notes the fix {@code instruction} needs, if it needs one. */
    void before(LuaClosure closure, LuaValue[] stack, int instruction) {
        switch (Lua.GET_OPCODE(instruction)) {
            case Lua.OP_LEN -> length(stack, instruction);
            case Lua.OP_LT -> compare(closure, stack, instruction, false);
            case Lua.OP_LE -> compare(closure, stack, instruction, true);
            default -> {
            }
        }
    }

    private void length(LuaValue[] stack, int instruction) {
        LuaValue operand = stack[Lua.GETARG_B(instruction)];
        if (operand instanceof LuaTable table && table.getmetatable() == null) {
            note(stack, Lua.GETARG_A(instruction), LuaValue.valueOf(LuaJitTables.length(table)));
        }
    }

    private void compare(LuaClosure closure, LuaValue[] stack, int instruction, boolean orEqual) {
        int b = Lua.GETARG_B(instruction);
        int c = Lua.GETARG_C(instruction);
        LuaValue left = Lua.ISK(b) ? closure.p.k[Lua.INDEXK(b)] : stack[b];
        LuaValue right = Lua.ISK(c) ? closure.p.k[Lua.INDEXK(c)] : stack[c];
        if (!(left instanceof LuaString l) || !(right instanceof LuaString r)) {
            return;
        }
        int unsigned = compareUnsigned(l, r);
        int signed = l.strcmp(r);
        boolean wanted = orEqual ? unsigned <= 0 : unsigned < 0;
        boolean luaj = orEqual ? signed <= 0 : signed < 0;
        if (wanted == luaj) {
            return;
        }
        // A differing byte exists, so neither string is empty.
        if (!Lua.ISK(b)) {
            // left op right must become `wanted`: "" < right; right < right is false; right <= right; right.."\0" > right.
            LuaValue substitute = orEqual ? (wanted ? r : extend(r)) : (wanted ? EMPTY : r);
            note(stack, b, stack[b]);
            stack[b] = substitute;
        } else if (!Lua.ISK(c)) {
            LuaValue substitute = orEqual ? (wanted ? l : EMPTY) : (wanted ? extend(l) : l);
            note(stack, c, stack[c]);
            stack[c] = substitute;
        }
    }

    private void note(LuaValue[] stack, int at, LuaValue restore) {
        registers = stack;
        register = at;
        value = restore;
    }

    private static LuaString extend(LuaString s) {
        byte[] bytes = new byte[s.m_length + 1];
        System.arraycopy(s.m_bytes, s.m_offset, bytes, 0, s.m_length);
        return LuaString.valueUsing(bytes);
    }

    /**
     * Compiled comparisons of two string constants, which the hook cannot redirect (no register holds them): where
     * luaj's order and LuaJIT's differ, the operands are swapped, which gives luaj's comparison LuaJIT's answer (the
     * strings differ, so a < b is the negation of b < a, and a <= b that of b <= a... under luaj's order, swapped).
     */
    static void fixConstantComparisons(Prototype p) {
        for (int pc = 0; pc < p.code.length; pc++) {
            int i = p.code[pc];
            int op = Lua.GET_OPCODE(i);
            int b = Lua.GETARG_B(i);
            int c = Lua.GETARG_C(i);
            if ((op == Lua.OP_LT || op == Lua.OP_LE) && Lua.ISK(b) && Lua.ISK(c)
                    && p.k[Lua.INDEXK(b)] instanceof LuaString l && p.k[Lua.INDEXK(c)] instanceof LuaString r
                    && Integer.signum(compareUnsigned(l, r)) != Integer.signum(l.strcmp(r))) {
                p.code[pc] = (i & ~(Lua.MASK_B | Lua.MASK_C)) | (c << Lua.POS_B) | (b << Lua.POS_C);
            }
        }
        for (Prototype child : p.p) {
            fixConstantComparisons(child);
        }
    }

    /** memcmp, then the shorter first: how LuaJIT orders strings. */
    static int compareUnsigned(LuaString a, LuaString b) {
        int n = Math.min(a.m_length, b.m_length);
        for (int i = 0; i < n; i++) {
            int x = a.m_bytes[a.m_offset + i] & 0xFF;
            int y = b.m_bytes[b.m_offset + i] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return a.m_length - b.m_length;
    }
}
