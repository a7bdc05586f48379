package dev.konnectplugins.internal.validation.schema;

import dev.konnectplugins.internal.validation.schema.EntityCheckers.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** The {@code fn} of each of Kong's entity checkers, on the projection of the entity the check asked for. */
final class EntityChecks {
    private final SchemaEngine engine;
    private final Schema schema;
    private final LuaTable errors;

    EntityChecks(SchemaEngine engine, Schema schema, LuaTable errors) {
        this.engine = engine;
        this.schema = schema;
        this.errors = errors;
    }

    /** Null when the check passes. */
    Verdict check(String name, LuaValue entity, LuaValue arg) {
        return switch (name) {
            case "at_least_one_of" -> count(entity, arg) > 0 ? null : fail(Lua.quotedList(arg));
            case "only_one_of" -> count(entity, arg) == 1 ? null : fail(Lua.quotedList(arg));
            case "mutually_required" -> {
                int c = count(entity, arg);
                yield c == 0 || c == Lua.length(arg) ? null : fail(Lua.quotedList(arg));
            }
            case "mutually_exclusive" -> count(entity, arg) <= 1 ? null : fail(Lua.quotedList(arg));
            case "distinct" -> distinct(entity, arg);
            case "mutually_exclusive_sets" -> exclusiveSets(entity, arg);
            case "conditional" -> conditional(entity, arg);
            case "conditional_at_least_one_of" -> conditionalAtLeastOneOf(entity, arg);
            case "custom_entity_check" -> throw new Undecidable("custom_entity_check runs plugin code");
            default -> throw new KongRaise("unknown entity checker " + name);
        };
    }

    private static Verdict fail(String detail) {
        return new Verdict(detail, null);
    }

    private static int count(LuaValue entity, LuaValue names) {
        int c = 0;
        int n = Lua.length(names);
        for (int i = 1; i <= n; i++) {
            if (Lua.isNonEmpty(Lua.getField(entity, Lua.str(names.rawget(i))))) {
                c++;
            }
        }
        return c;
    }

    private static List<LuaValue> nonEmpty(LuaValue entity, LuaValue names) {
        List<LuaValue> found = new ArrayList<>();
        int n = Lua.length(names);
        for (int i = 1; i <= n; i++) {
            if (Lua.isNonEmpty(Lua.getField(entity, Lua.str(names.rawget(i))))) {
                found.add(names.rawget(i));
            }
        }
        return found;
    }

    private static Verdict distinct(LuaValue entity, LuaValue names) {
        Set<LuaValue> seen = new HashSet<>();
        int n = Lua.length(names);
        for (int i = 1; i <= n; i++) {
            LuaValue value = Lua.getField(entity, Lua.str(names.rawget(i)));
            if (Lua.isNonEmpty(value) && !seen.add(value)) {
                return fail(Lua.quotedList(names));
            }
        }
        return null;
    }

    private static Verdict exclusiveSets(LuaValue entity, LuaValue arg) {
        List<LuaValue> one = nonEmpty(entity, Lua.index(arg, LuaValue.valueOf("set1")));
        List<LuaValue> two = nonEmpty(entity, Lua.index(arg, LuaValue.valueOf("set2")));
        if (one.isEmpty() || two.isEmpty()) {
            return null;
        }
        return fail("(" + Lua.quotedList(list(one)) + "), (" + Lua.quotedList(list(two)) + ")");
    }

    private static LuaTable list(List<LuaValue> values) {
        LuaTable t = new LuaTable();
        for (LuaValue v : values) {
            t.rawset(t.rawlen() + 1, v);
        }
        return t;
    }

    /** arg[key] with the field definition of {@code fieldName} behind it, as Kong's setmetatable(__index) does. */
    private LuaValue inheriting(LuaValue match, String fieldName) {
        if (!match.istable()) {
            throw new KongRaise("bad argument #1 to 'setmetatable' (table expected, got " + match.typename() + ")");
        }
        LuaTable proxy = new LuaTable();
        for (org.luaj.vm2.Varargs e = match.next(LuaValue.NIL); !e.arg1().isnil(); e = match.next(e.arg1())) {
            proxy.rawset(e.arg1(), e.arg(2));
        }
        LuaValue field = schema.schemaField(fieldName, engine.entities());
        LuaTable mt = new LuaTable();
        mt.rawset("__index", field);
        proxy.setmetatable(mt);
        return proxy;
    }

    private boolean passes(LuaValue match, String fieldName, LuaValue value) {
        return engine.fields().validate(inheriting(match, fieldName), value, false) == null;
    }

    private Verdict conditional(LuaValue entity, LuaValue arg) {
        String ifField = Lua.str(Lua.index(arg, LuaValue.valueOf("if_field")));
        String thenField = Lua.str(Lua.index(arg, LuaValue.valueOf("then_field")));
        LuaValue ifValue = Lua.getField(entity, ifField);
        LuaValue thenValue = Lua.getField(entity, thenField);
        if (thenValue.isnil()) {
            thenValue = Lua.NULL;
        }
        if (!passes(Lua.index(arg, LuaValue.valueOf("if_match")), ifField, ifValue)) {
            return null;
        }
        LuaValue thenMatch = Lua.index(arg, LuaValue.valueOf("then_match"));
        if (Lua.index(thenMatch, LuaValue.valueOf("required")).raweq(LuaValue.TRUE) && Lua.isNull(thenValue)) {
            Lua.setField(errors, thenField, LuaValue.valueOf(Messages.REQUIRED));
            return fail(ifField);
        }
        LuaValue error = engine.fields().validate(inheriting(thenMatch, thenField), thenValue, false);
        if (error == null) {
            return null;
        }
        Lua.setField(errors, thenField, error);
        LuaValue thenErr = Lua.index(arg, LuaValue.valueOf("then_err"));
        return new Verdict(ifField, thenErr.toboolean() ? format(thenErr, ifField) : null);
    }

    private Verdict conditionalAtLeastOneOf(LuaValue entity, LuaValue arg) {
        String ifField = Lua.str(Lua.index(arg, LuaValue.valueOf("if_field")));
        LuaValue ifValue = Lua.getField(entity, ifField);
        if (ifValue.isnil()) {
            return null;
        }
        String prefix = "then_";
        if (!passes(Lua.index(arg, LuaValue.valueOf("if_match")), ifField, ifValue)) {
            LuaValue elseMatch = Lua.index(arg, LuaValue.valueOf("else_match"));
            if (elseMatch.isnil() || !passes(elseMatch, ifField, ifValue)) {
                return null;
            }
            prefix = "else_then_";
        }
        LuaValue names = Lua.index(arg, LuaValue.valueOf(prefix + "at_least_one_of"));
        if (count(entity, names) > 0) {
            return null;
        }
        String list = Lua.quotedList(names);
        LuaValue err = Lua.index(arg, LuaValue.valueOf(prefix + "err"));
        return new Verdict(list, err.toboolean() ? format(err, list) : null);
    }

    /** {@code err:format(x)} with one {@code %s}. */
    private static String format(LuaValue err, String argument) {
        String s = Lua.str(err);
        int at = s.indexOf("%s");
        return at < 0 ? s.replace("%%", "%") : s.substring(0, at) + argument + s.substring(at + 2).replace("%%", "%");
    }
}
