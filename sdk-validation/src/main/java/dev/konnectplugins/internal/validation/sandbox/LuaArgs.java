package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Argument checks of the sandbox's library functions, with LuaJIT's coercions and messages. */
final class LuaArgs {
    /** Argument {@code i} as a string; a number is written as LuaJIT writes it. */
    static LuaString string(Varargs args, int i, String function) {
        LuaValue value = args.arg(i);
        if (value.type() == LuaValue.TSTRING) {
            return value.strvalue();
        }
        if (value.type() == LuaValue.TNUMBER) {
            return LuaNumbers.toLuaString(value.todouble());
        }
        throw bad(args, i, function, "string");
    }

    /**
     * Argument {@code i} as an integer (a number, or a string holding one) as {@code lj_lib_checkint} reads it: truncated
     * to 32 bits by x64's conversion, so that a number outside the int range (or NaN) reads as -2^31.
     */
    static long integer(Varargs args, int i, String function) {
        LuaValue value = args.arg(i);
        double d;
        if (value.type() == LuaValue.TNUMBER) {
            d = value.todouble();
        } else if (value.type() == LuaValue.TSTRING) {
            LuaValue parsed = LuaNumbers.parse(value.tojstring());
            if (parsed.isnil()) {
                throw bad(args, i, function, "number");
            }
            d = parsed.todouble();
        } else {
            throw bad(args, i, function, "number");
        }
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /** Argument {@code i} as an integer, or {@code otherwise} when it is nil or absent. */
    static long optInteger(Varargs args, int i, String function, long otherwise) {
        return args.arg(i).isnil() ? otherwise : integer(args, i, function);
    }

    /** Argument {@code i} as a number (a string holding one is converted). */
    static double number(Varargs args, int i, String function) {
        LuaValue value = args.arg(i);
        if (value.type() == LuaValue.TNUMBER) {
            return value.todouble();
        }
        if (value.type() == LuaValue.TSTRING) {
            LuaValue parsed = LuaNumbers.parse(value.tojstring());
            if (!parsed.isnil()) {
                return parsed.todouble();
            }
        }
        throw bad(args, i, function, "number");
    }

    static LuaTable table(Varargs args, int i, String function) {
        LuaValue value = args.arg(i);
        if (!value.istable()) {
            throw bad(args, i, function, "table");
        }
        return (LuaTable) value;
    }

    /** Clamps a Lua index (1-based, negative from the end) into an int, keeping far-out values far out. */
    static int clamp(long n) {
        return (int) Math.max(Integer.MIN_VALUE + 2L, Math.min(Integer.MAX_VALUE - 2L, n));
    }

    static LuaError bad(Varargs args, int i, String function, String expected) {
        String got = i > args.narg() ? "no value" : args.arg(i).typename();
        return new LuaError("bad argument #" + i + " to '" + function + "' (" + expected + " expected, got " + got
                + ")");
    }

    static LuaError bad(int i, String function, String why) {
        return new LuaError("bad argument #" + i + " to '" + function + "' (" + why + ")");
    }

    private LuaArgs() {
    }
}
