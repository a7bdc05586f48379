package dev.konnectplugins.internal.validation.schema;

import dev.konnectplugins.internal.validation.sandbox.NgxNull;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.lua.LuaKeys;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The Lua operations kong/db/schema/init.lua performs on values, with LuaJIT's outcomes: where LuaJIT raises
 * ({@code #} of a number, {@code <} between a string and a number, {@code table.concat} of a table), so does this,
 * as a {@link KongRaise}.
 */
final class Lua {
    /**
     * How much of a list a message spells out before it stops and gives the count instead: the finding that quotes
     * it is cut to 500 characters, and the list may hold millions of values.
     */
    static final int MESSAGE_TEXT_LIMIT = 400;

    static final LuaValue NULL = NgxNull.VALUE;

    static boolean isNull(LuaValue value) {
        return NgxNull.is(value);
    }

    static boolean isStub(LuaValue value) {
        return SandboxEvaluator.isStub(value);
    }

    /** An attribute of a field definition, through its metatable's {@code __index} table as Lua reads it. */
    static LuaValue attr(LuaValue field, String name) {
        if (!field.istable()) {
            throw new KongRaise("attempt to index a " + field.typename() + " value");
        }
        if (isStub(field)) {
            throw new Undecidable("a stand-in field definition");
        }
        LuaValue value = field.rawget(LuaKeys.of(name));
        if (value.isnil()) {
            LuaValue mt = field.getmetatable();
            LuaValue index = mt == null ? LuaValue.NIL : mt.rawget(LuaValue.INDEX);
            if (index.istable()) {
                return attr(index, name);
            }
        }
        return value;
    }

    /** Kong's is_sequence: keys 1..n only, no holes. */
    static boolean isSequence(LuaValue t) {
        if (!t.istable()) {
            return false;
        }
        int count = 0;
        double max = 0;
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            count++;
            if (t.rawget(count).isnil()) {
                return false;
            }
            LuaValue k = e.arg1();
            if (k.type() != LuaValue.TNUMBER || k.todouble() < 0 || Math.floor(k.todouble()) != k.todouble()) {
                return false;
            }
            max = Math.max(max, k.todouble());
        }
        return count == max;
    }

    /** Kong's is_nonempty. */
    static boolean isNonEmpty(LuaValue value) {
        return !(value.isnil() || isNull(value) || value.istable() && value.next(LuaValue.NIL).arg1().isnil()
                || value.type() == LuaValue.TSTRING && value.rawlen() == 0);
    }

    /** Kong's get_field: {@code t["x.y.z"]} as {@code t.x.y.z}. */
    static LuaValue getField(LuaValue table, String name) {
        if (table.isnil() || isNull(table)) {
            return LuaValue.NIL;
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return index(table, LuaValue.valueOf(name));
        }
        return getField(index(table, LuaValue.valueOf(name.substring(0, dot))), name.substring(dot + 1));
    }

    /** Kong's set_field. */
    static void setField(LuaTable table, String name, LuaValue value) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            table.rawset(name, value);
            return;
        }
        String head = name.substring(0, dot);
        LuaValue sub = table.rawget(head);
        if (!sub.istable()) {
            sub = new LuaTable();
            table.rawset(head, sub);
        }
        setField((LuaTable) sub, name.substring(dot + 1), value);
    }

    static LuaValue index(LuaValue table, LuaValue key) {
        if (table.istable()) {
            return table.rawget(key);
        }
        if (table.type() == LuaValue.TSTRING) {
            return LuaValue.NIL; // the string library has no numeric or field keys a schema uses
        }
        throw new KongRaise("attempt to index a " + table.typename() + " value");
    }

    /** {@code #value}: bytes of a string, the border of a table. */
    static int length(LuaValue value) {
        if (value.type() == LuaValue.TSTRING) {
            return value.rawlen();
        }
        if (value.istable()) {
            return value.rawlen();
        }
        throw new KongRaise("attempt to get length of a " + value.typename() + " value");
    }

    /** {@code a < b} on numbers or strings. */
    static boolean lessThan(LuaValue a, LuaValue b) {
        if (a.type() == LuaValue.TNUMBER && b.type() == LuaValue.TNUMBER) {
            return a.todouble() < b.todouble();
        }
        if (a.type() == LuaValue.TSTRING && b.type() == LuaValue.TSTRING) {
            return ((LuaString) a).strcmp((LuaString) b) < 0;
        }
        throw new KongRaise("attempt to compare " + a.typename() + " with " + b.typename());
    }

    /** Lua's {@code ==} on the values a schema holds (no {@code __eq} is involved). */
    static boolean equal(LuaValue a, LuaValue b) {
        return a.raweq(b);
    }

    /** LuaJIT's {@code tostring}. */
    static String str(LuaValue value) {
        if (value.type() == LuaValue.TNUMBER) {
            return number(value.todouble());
        }
        if (value.type() == LuaValue.TSTRING) {
            return value.tojstring();
        }
        if (isNull(value)) {
            return "userdata: NULL";
        }
        if (value.isnil() || value.isboolean()) {
            return value.tojstring();
        }
        return value.typename() + ": 0x" + Integer.toHexString(System.identityHashCode(value));
    }

    /** The argument of {@code ("%s"):format(v)}: strings and numbers, else what tostring gives. */
    static String formatS(LuaValue value) {
        return str(value);
    }

    /** {@code ("%d"):format(v)}. */
    static String formatD(LuaValue value) {
        if (value.type() != LuaValue.TNUMBER && !(value.type() == LuaValue.TSTRING && value.tonumber().isnumber())) {
            throw new KongRaise("bad argument to 'format' (number expected, got " + value.typename() + ")");
        }
        double d = value.todouble();
        return Double.isNaN(d) || Double.isInfinite(d) ? number(d) : Long.toString((long) d);
    }

    /** LuaJIT's number formatting ({@code %.14g}, integers without a fraction). */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return d != d && Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (d == 0 && 1 / d < 0) ? "-0" : Long.toString((long) d);
        }
        String g = String.format(java.util.Locale.ROOT, "%.14g", d);
        // Java's %g never switches to the shortest form: strip trailing zeros as C's %g does.
        String mantissa = g;
        String exponent = "";
        int e = g.indexOf('e');
        if (e >= 0) {
            mantissa = g.substring(0, e);
            exponent = g.substring(e);
            int sign = exponent.charAt(1) == '-' ? -1 : 1;
            int digits = Integer.parseInt(exponent.substring(2));
            exponent = "e" + (sign < 0 ? "-" : "+") + (digits < 10 ? "0" : "") + digits;
        }
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** {@code table.concat(list, sep)}: strings and numbers only. */
    static String concat(LuaValue list, String separator) {
        StringBuilder text = new StringBuilder();
        int n = length(list);
        for (int i = 1; i <= n; i++) {
            LuaValue item = list.rawget(i);
            if (item.type() != LuaValue.TSTRING && item.type() != LuaValue.TNUMBER) {
                throw new KongRaise("invalid value (at index " + i + ") in table for 'concat'");
            }
            // a list of millions makes a message nobody reads: past the limit, only the items' types are checked
            if (text.length() <= MESSAGE_TEXT_LIMIT) {
                text.append(i > 1 ? separator : "").append(str(item));
                if (text.length() > MESSAGE_TEXT_LIMIT && i < n) {
                    text.append(separator).append("... (").append(n).append(" values)");
                }
            }
        }
        return text.toString();
    }

    /** Kong's quoted_list: {@code 'a', 'b'}, nested lists in parentheses. */
    static String quotedList(LuaValue words) {
        StringBuilder text = new StringBuilder();
        int n = length(words);
        for (int i = 1; i <= n && text.length() <= MESSAGE_TEXT_LIMIT; i++) {
            LuaValue word = words.rawget(i);
            text.append(i > 1 ? ", " : "").append(word.istable() ? "(" + quotedList(word) + ")" : "'" + formatS(word) + "'");
        }
        return text.toString();
    }

    /** kong.pdk.vault's is_reference: {@code {vault://...}}. */
    static boolean isReference(LuaValue value) {
        if (value.type() != LuaValue.TSTRING) {
            return false;
        }
        String s = value.tojstring();
        return s.startsWith("{vault://") && s.endsWith("}");
    }

    /** kong.tools.table's cycle_aware_deep_copy (metatables kept, as Kong does). */
    static LuaValue deepCopy(LuaValue value) {
        return deepCopy(value, new IdentityHashMap<>());
    }

    private static LuaValue deepCopy(LuaValue value, Map<LuaValue, LuaTable> seen) {
        if (!value.istable() || isStub(value)) {
            return value;
        }
        LuaTable done = seen.get(value);
        if (done != null) {
            return done;
        }
        LuaTable copy = new LuaTable();
        seen.put(value, copy);
        for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
            copy.rawset(deepCopy(e.arg1(), seen), deepCopy(e.arg(2), seen));
        }
        LuaValue mt = value.getmetatable();
        if (mt != null) {
            copy.setmetatable(mt);
        }
        return copy;
    }

    /** The first key of a table ({@code next(t)}), or nil. */
    static LuaValue firstKey(LuaValue table) {
        return table.next(LuaValue.NIL).arg1();
    }

    static LuaError luaError(String message) {
        return new LuaError(message);
    }

    private Lua() {
    }
}
