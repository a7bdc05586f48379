package dev.konnectplugins.internal.validation.schema;

import java.util.HashSet;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's {@code Schema:process_auto_fields(data, "insert")}: a deep copy of the data with shorthand fields translated,
 * {@code auto} fields generated (a UUID, a random string, the current time), missing fields given their default (or
 * ngx.null, or an expanded required record), arrays and sets normalised (a set loses its duplicates) and nested
 * records processed in turn. Translating a shorthand runs the plugin's {@code func}: that is {@link Undecidable}.
 */
final class AutoFields {
    /** A fixed, valid stand-in for what Kong generates: only the shape matters to validation. */
    private static final LuaValue GENERATED_UUID = LuaValue.valueOf("6a4f1b2c-3d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final LuaValue GENERATED_STRING = LuaValue.valueOf("Q2hlY2tlZEJ5VGhlS29uZ0VuZ2luZQAA");
    private static final LuaValue NOW_S = LuaValue.valueOf(1_767_225_600);
    private static final LuaValue NOW_MS = LuaValue.valueOf(1_767_225_600.123);

    private final SchemaEngine engine;
    /**
     * The tables this engine produced by processing: processing is idempotent, so validating one of them again (as
     * Kong does for each nested record) skips the copy and the walk, which would otherwise make deep schemas cubic.
     */
    private final Set<LuaValue> processed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    AutoFields(SchemaEngine engine) {
        this.engine = engine;
    }

    /** Whether {@code value} is the result of processing (for the record schema it was processed with). */
    boolean isProcessed(LuaValue value) {
        return processed.contains(value);
    }

    /** The processed copy of {@code data}. */
    LuaValue process(Schema schema, LuaValue data) {
        return process(schema, data, false);
    }

    /** {@code owned}: data is already a copy of this engine's (a nested record of a copy), so it is not copied again. */
    private LuaValue process(Schema schema, LuaValue data, boolean owned) {
        engine.hooks().charge("process_auto_fields");
        LuaValue copy = owned ? data : Lua.deepCopy(data);
        if (!copy.istable()) {
            throw new KongRaise("bad argument #1 to 'pairs' (table expected, got " + copy.typename() + ")");
        }
        LuaTable out = (LuaTable) copy;
        shorthands(schema, out);
        for (Schema.Field field : schema.fields()) {
            LuaValue definition = field.definition();
            LuaValue value = out.rawget(field.key());
            if (Lua.attr(definition, "auto").toboolean()) {
                value = auto(field.name(), definition, value, out);
            }
            out.rawset(field.key(), adjust(definition, value));
        }
        processed.add(out);
        return out;
    }

    private void shorthands(Schema schema, LuaTable data) {
        LuaValue list = schema.shorthandFields();
        if (list.isnil() || Lua.isNull(list)) {
            return;
        }
        int n = Lua.length(list);
        for (int i = 1; i <= n; i++) {
            LuaValue name = Lua.firstKey(list.rawget(i));
            if (!data.rawget(name).isnil()) {
                throw new Undecidable("shorthand field '" + Lua.str(name) + "' is translated by the plugin's func");
            }
        }
    }

    private LuaValue auto(String key, LuaValue field, LuaValue value, LuaTable data) {
        String type = Lua.attr(field, "type").optjstring("");
        if (Lua.attr(field, "uuid").toboolean()) {
            return value.isnil() ? GENERATED_UUID : value;
        }
        if (type.equals("string")) {
            return value.isnil() ? GENERATED_STRING : value;
        }
        boolean absent = value.isnil() || Lua.isNull(value);
        if (key.equals("created_at") && absent || key.equals("updated_at")
                || Lua.attr(field, "timestamp").raweq(LuaValue.TRUE) && absent) {
            if (type.equals("number")) {
                return NOW_MS;
            }
            if (type.equals("integer")) {
                return NOW_S;
            }
        }
        return value;
    }

    /** adjust_field_for_context for "insert". */
    LuaValue adjust(LuaValue field, LuaValue value) {
        if (Lua.attr(field, "abstract").toboolean()) {
            return value;
        }
        String type = Lua.attr(field, "type").optjstring("");
        if (type.equals("record")) {
            if (!Lua.isNull(value) && (!value.isnil() || Lua.attr(field, "required").raweq(LuaValue.TRUE))) {
                boolean owned = !value.isnil();
                if (value.isnil()) {
                    value = missing(field, value);
                }
                if (value.istable()) {
                    return owned && isProcessed(value) ? value : process(engine.schemaOf(field), value, owned);
                }
            }
        } else if (value.istable()) {
            LuaValue sub = LuaValue.NIL;
            if (type.equals("array")) {
                sub = Lua.attr(field, "elements");
            } else if (type.equals("set")) {
                value = makeSet(value);
                sub = Lua.attr(field, "elements");
            } else if (type.equals("map")) {
                sub = Lua.attr(field, "values");
            }
            if (!sub.isnil()) {
                for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
                    value.rawset(e.arg1(), adjust(sub, e.arg(2)));
                }
            }
        }
        return value.isnil() ? missing(field, value) : value;
    }

    /** handle_missing_field. */
    LuaValue missing(LuaValue field, LuaValue value) {
        LuaValue fallback = Lua.attr(field, "default");
        if (!fallback.isnil()) {
            return Lua.deepCopy(fallback);
        }
        if (Lua.attr(field, "nilable").toboolean()) {
            return value;
        }
        if (!Lua.attr(field, "required").raweq(LuaValue.TRUE)) {
            return Lua.NULL;
        }
        if (Lua.attr(field, "abstract").toboolean()) {
            return LuaValue.NIL;
        }
        if (Lua.attr(field, "type").raweq(LuaValue.valueOf("record"))) {
            return process(engine.schemaOf(field), new LuaTable());
        }
        return LuaValue.NIL;
    }

    /** make_set: a sequence loses its duplicates (first occurrence kept). */
    private static LuaValue makeSet(LuaValue set) {
        if (!Lua.isSequence(set)) {
            return set;
        }
        LuaTable out = new LuaTable();
        Set<LuaValue> seen = new HashSet<>();
        int n = set.rawlen();
        for (int i = 1; i <= n; i++) {
            LuaValue v = set.rawget(i);
            if (seen.add(v)) {
                out.rawset(out.rawlen() + 1, v);
            }
        }
        return out;
    }
}
