package dev.konnectplugins.internal.validation.sandbox;

import java.lang.reflect.Field;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * LuaJIT's answers about a table that depend on its array and hash parts: the border {@code #t} returns
 * ({@code lj_tab_len}: a binary search in the array part when its last slot is nil, else the array's size, searching
 * on into the hash part only when there is one) and {@code table.isarray} ({@code lj_tab_isarray}: every key of the
 * hash part is an integral number). luaj sizes its parts as Lua 5.1 (and so LuaJIT) does, so its array part stands
 * for LuaJIT's; only its border search differs, which is what differs for tables with holes ({@code #{1, 2, nil, 4}}
 * is 4 in LuaJIT, 2 in luaj).
 */
final class LuaJitTables {
    private static final Field ARRAY = field("array");
    private static final Field HASH = field("hash");

    /** {@code #t} for a table without {@code __len}, as LuaJIT computes it. */
    static int length(LuaTable t) {
        LuaValue[] array = array(t);
        if (array == null) {
            return t.rawlen();
        }
        int hi = array.length;
        if (hi > 0 && isNil(array[hi - 1])) {
            int lo = 0;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (isNil(array[mid - 1])) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return lo;
        }
        return hashSize(t) > 1 ? searchOn(t, hi) : hi;
    }

    /** {@code lj_tab_isarray}: whether every key outside the array part is an integral number. */
    static boolean isArray(LuaTable t) {
        int arrayLength = array(t) == null ? 0 : array(t).length;
        for (LuaValue k = t.next(LuaValue.NIL).arg1(); !k.isnil(); k = t.next(k).arg1()) {
            boolean inArray = k.isinttype() && k.toint() >= 1 && k.toint() <= arrayLength;
            if (!inArray && !(k.type() == LuaValue.TNUMBER && Math.rint(k.todouble()) == k.todouble())) {
                return false;
            }
        }
        return true;
    }

    /** {@code tab_len_slow}: a widening search from the array's end, then a binary search. */
    private static int searchOn(LuaTable t, int start) {
        long lo = start;
        long hi = start + 1L;
        while (!t.rawget((int) hi).isnil()) {
            lo = hi;
            hi += hi;
            if (hi > Integer.MAX_VALUE - 2L) {
                int i = 1;
                while (!t.rawget(i).isnil()) {
                    i++;
                }
                return i - 1;
            }
        }
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (t.rawget((int) mid).isnil()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (int) lo;
    }

    private static boolean isNil(LuaValue v) {
        return v == null || v.isnil();
    }

    private static LuaValue[] array(LuaTable t) {
        try {
            return ARRAY == null ? null : (LuaValue[]) ARRAY.get(t);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static int hashSize(LuaTable t) {
        try {
            Object[] hash = HASH == null ? null : (Object[]) HASH.get(t);
            return hash == null ? 0 : hash.length;
        } catch (IllegalAccessException e) {
            return 0;
        }
    }

    private static Field field(String name) {
        try {
            Field f = LuaTable.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private LuaJitTables() {
    }
}
