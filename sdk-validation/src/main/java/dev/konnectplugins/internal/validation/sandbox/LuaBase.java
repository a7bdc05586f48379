package dev.konnectplugins.internal.validation.sandbox;

import dev.konnectplugins.internal.validation.lua.LuaKeys;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.LibFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The base functions whose luaj versions differ from LuaJIT 2.1 in what a plugin can see: {@code tostring} and
 * {@code tonumber} (number formats, hex floats), {@code error} (level 0 adds no position; positions read
 * "schema.lua:3:"), {@code pcall} and {@code xpcall} (the handler is called; messages as LuaJIT writes them).
 */
final class LuaBase {
    private static final LuaString TOSTRING = LuaString.valueOf("__tostring");
    /** luaj's position prefix of a runtime error: "@schema.lua:3 attempt to index ...". */
    private static final Pattern LUAJ_POSITION = Pattern.compile("^@([^:\\s]+):(\\d+) ");

    /** Puts {@code tostring} and {@code tonumber} into {@code env}, replacing luaj's. */
    static void install(LuaTable env, ExecutionBudget budget) {
        // luaj's type makes a new Lua string per call; the prelude and most plugins call it a lot.
        env.rawset("type", new LibFunction() {
            @Override
            public LuaValue call(LuaValue value) {
                return LuaKeys.of(value.typename());
            }
        });
        env.rawset("tostring", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() == 0) {
                    throw LuaArgs.bad(1, "tostring", "value expected");
                }
                return LuaBase.tostring(args.arg1(), budget);
            }
        });
        env.rawset("error", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue message = args.arg1();
                long level = LuaArgs.optInteger(args, 2, "error", 1);
                if (message.type() == LuaValue.TSTRING) {
                    // luaj copies the message into the Java exception (two bytes a character), once more with
                    // the position.
                    budget.allocate(4L * message.rawlen());
                }
                if (level > 0 && (message.type() == LuaValue.TSTRING || message.type() == LuaValue.TNUMBER)) {
                    String where = budget.where((int) Math.min(level, Integer.MAX_VALUE));
                    if (!where.isEmpty()) {
                        message = LuaValue.valueOf(where + " " + LuaArgs.string(args, 1, "error").tojstring());
                    }
                }
                throw new LuaError(message);
            }
        });
        env.rawset("pcall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() == 0) {
                    throw LuaArgs.bad(args, 1, "pcall", "value");
                }
                return protectedCall(budget, args.arg1(), args.subargs(2), LuaValue.NIL);
            }
        });
        env.rawset("xpcall", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() < 2) {
                    throw LuaArgs.bad(args, 2, "xpcall", "value");
                }
                return protectedCall(budget, args.arg1(), args.subargs(3), args.arg(2));
            }
        });
        env.rawset("tonumber", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.arg1().type() == LuaValue.TSTRING) {
                    // Read in one pass, after a copy as Java text.
                    budget.step(1 + (args.arg1().rawlen() >> 4));
                }
                return LuaBase.tonumber(args);
            }
        });
    }

    /**
     * Calls {@code function}; a Lua error becomes {@code false, message} (through {@code handler} when it is not
     * nil). Limits are Errors, not LuaErrors: they pass through, as they must.
     */
    private static Varargs protectedCall(ExecutionBudget budget, LuaValue function, Varargs args, LuaValue handler) {
        budget.onCall((org.luaj.vm2.LuaFunction) null);
        try {
            return LuaValue.varargsOf(LuaValue.TRUE, function.invoke(args));
        } catch (LuaError e) {
            LuaValue message = message(e);
            return LuaValue.varargsOf(LuaValue.FALSE, handler.isnil() ? message : handler.call(message));
        } finally {
            budget.onReturn();
        }
    }

    /** The error value a Lua handler sees, with luaj's runtime messages written as LuaJIT writes them. */
    static LuaValue message(LuaError e) {
        LuaValue object = e.getMessageObject();
        if (object == null) {
            return LuaValue.NIL;
        }
        if (object.type() != LuaValue.TSTRING) {
            return object;
        }
        Matcher m = LUAJ_POSITION.matcher(object.tojstring());
        return m.find() ? LuaValue.valueOf(m.replaceFirst("$1:$2: ").strip()) : object;
    }

    /** {@code tostring(value)}: its {@code __tostring}, else LuaJIT's text for it. */
    static LuaString tostring(LuaValue value, ExecutionBudget budget) {
        LuaValue metatable = value.getmetatable();
        LuaValue handler = metatable == null ? LuaValue.NIL : metatable.rawget(TOSTRING);
        if (!handler.isnil()) {
            LuaValue result = handler.call(value);
            if (result.type() == LuaValue.TNUMBER) {
                return LuaNumbers.toLuaString(result.todouble());
            }
            if (result.type() != LuaValue.TSTRING) {
                throw new LuaError("'__tostring' must return a string");
            }
            return result.strvalue();
        }
        return switch (value.type()) {
            case LuaValue.TSTRING -> value.strvalue();
            case LuaValue.TNUMBER -> LuaNumbers.toLuaString(value.todouble());
            default -> LuaString.valueOf(value.tojstring());
        };
    }

    private static Varargs tonumber(Varargs args) {
        LuaValue value = args.arg1();
        if (args.arg(2).isnil()) {
            if (value.type() == LuaValue.TNUMBER) {
                return value;
            }
            if (args.narg() == 0) {
                throw LuaArgs.bad(1, "tonumber", "value expected");
            }
            return value.type() == LuaValue.TSTRING ? LuaNumbers.parse(value.tojstring()) : LuaValue.NIL;
        }
        long base = LuaArgs.integer(args, 2, "tonumber");
        if (base < 2 || base > 36) {
            throw LuaArgs.bad(2, "tonumber", "base out of range");
        }
        if (base == 10) {
            return value.type() == LuaValue.TNUMBER ? value : LuaNumbers.parse(LuaArgs.string(args, 1, "tonumber")
                    .tojstring());
        }
        return LuaNumbers.parse(LuaArgs.string(args, 1, "tonumber").tojstring(), (int) base);
    }

    private LuaBase() {
    }
}
