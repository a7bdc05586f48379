package dev.konnectplugins.internal.validation.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's {@code Schema.entity_checkers} and {@code run_entity_check}: cross-field rules of a schema's
 * {@code entity_checks}, run after its fields were validated, with Kong's rules for when a check runs (its fields
 * present, valid, or not required) and Kong's messages in {@code errors["@entity"]}.
 */
final class EntityCheckers {
    /** How Kong runs a checker: run_with_missing_fields, run_with_invalid_fields, field_sources, required ones. */
    private record Checker(boolean withMissing, boolean withInvalid, List<String> sources, Set<String> required) {
    }

    private static final Map<String, Checker> CHECKERS = Map.of(
            "at_least_one_of", new Checker(true, true, null, null),
            // required_fields = { "if_field" } is an array in Kong, so no source is required
            "conditional_at_least_one_of", new Checker(true, true,
                    List.of("if_field", "then_at_least_one_of", "else_then_at_least_one_of"), Set.of()),
            "only_one_of", new Checker(false, true, null, null),
            "distinct", new Checker(false, true, null, null),
            "conditional", new Checker(false, true, List.of("if_field", "then_field"), Set.of("if_field")),
            "custom_entity_check", new Checker(false, false, List.of("field_sources"), Set.of("field_sources")),
            "mutually_required", new Checker(true, false, null, null),
            "mutually_exclusive", new Checker(true, false, null, null),
            "mutually_exclusive_sets", new Checker(true, false, List.of("set1", "set2"), Set.of()));

    private final SchemaEngine engine;

    EntityCheckers(SchemaEngine engine) {
        this.engine = engine;
    }

    /** The checkers Kong defines (Schema.entity_checkers' keys). */
    static Set<String> names() {
        return CHECKERS.keySet();
    }

    /** run_entity_checks with full_check: every check of the schema, in order. */
    void runAll(Schema schema, LuaValue input, LuaTable errors) {
        LuaValue checks = schema.entityChecks();
        if (checks.isnil() || Lua.isNull(checks)) {
            return;
        }
        int n = Lua.length(checks);
        for (int i = 1; i <= n; i++) {
            LuaValue check = Lua.index(checks, LuaValue.valueOf(i));
            if (!check.istable()) {
                throw new KongRaise("bad argument #1 to 'next' (table expected, got " + check.typename() + ")");
            }
            boolean single = check.next(Lua.firstKey(check)).arg1().isnil();
            for (Varargs e = check.next(LuaValue.NIL); !e.arg1().isnil(); e = check.next(e.arg1())) {
                LuaValue arg = e.arg(2);
                if (!arg.toboolean() || Lua.isNull(arg)) {
                    continue;
                }
                try {
                    if (single) {
                        run(schema, Lua.str(e.arg1()), input, arg, errors);
                    } else {
                        orderDependent(schema, Lua.str(e.arg1()), input, arg);
                    }
                } catch (Undecidable undecidable) {
                    // plugin code (custom_entity_check's fn) or a stand-in: Kong's verdict is not known here
                }
            }
        }
    }

    /**
     * An entity check that went through process_auto_fields (a record's default validated by the metaschema) holds
     * ngx.null under every other checker's name, and Kong runs only the checker {@code next(check)} returns first:
     * with LuaJIT's per-process string hash seed that is a matter of chance. A failure becomes a warning.
     */
    private void orderDependent(Schema schema, String name, LuaValue input, LuaValue arg) {
        LuaTable scratch = new LuaTable();
        try {
            run(schema, name, input, arg, scratch);
        } catch (KongRaise raise) {
            // the checker raises (a conditional without if_match): Kong's pcall around the default's validation
            // fails, but only in the processes whose hash order runs this checker
            engine.warn(Messages.SCHEMA_CANNOT_VALIDATE + " (" + raise.getMessage() + ")");
            return;
        }
        LuaValue messages = scratch.rawget("@entity");
        if (messages.istable()) {
            for (int i = 1; i <= messages.rawlen(); i++) {
                engine.warn(Lua.str(messages.rawget(i)));
            }
        }
    }

    private void run(Schema schema, String name, LuaValue input, LuaValue arg, LuaTable errors) {
        Checker checker = CHECKERS.get(name);
        if (checker == null) {
            throw new KongRaise("attempt to index a nil value (entity checker '" + name + "')");
        }
        engine.hooks().charge(name);
        List<String> toCheck = new ArrayList<>();
        Set<String> required = new HashSet<>();
        if (checker.sources() != null) {
            for (String source : checker.sources()) {
                LuaValue v = Lua.index(arg, LuaValue.valueOf(source));
                if (v.type() == LuaValue.TSTRING) {
                    toCheck.add(v.tojstring());
                    if (checker.required().contains(source)) {
                        required.add(v.tojstring());
                    }
                } else if (v.istable()) {
                    int m = Lua.length(v);
                    for (int j = 1; j <= m; j++) {
                        String f = Lua.str(v.rawget(j));
                        toCheck.add(f);
                        if (checker.required().contains(source)) {
                            required.add(f);
                        }
                    }
                }
            }
        } else {
            int m = Lua.length(arg);
            for (int j = 1; j <= m; j++) {
                String f = Lua.str(arg.rawget(j));
                toCheck.add(f);
                required.add(f);
            }
        }
        boolean argWithMissing = Lua.index(arg, LuaValue.valueOf("run_with_missing_fields")).toboolean();
        boolean argWithInvalid = Lua.index(arg, LuaValue.valueOf("run_with_invalid_fields")).toboolean();
        List<String> missing = new ArrayList<>();
        boolean allNil = true;
        boolean allOk = true;
        LuaTable checkInput = new LuaTable();
        for (String fname : toCheck) {
            LuaValue value = Lua.getField(input, fname);
            if (value.isnil()) {
                LuaValue def = schema.schemaField(fname, engine.entities());
                boolean nilable = def.istable() && Lua.attr(def, "nilable").toboolean();
                if (!checker.withMissing() && !argWithMissing && required.contains(fname) && !nilable) {
                    missing.add(fname);
                }
            } else {
                allNil = false;
                LuaValue def = schema.schemaField(fname, engine.entities());
                if (def.istable() && Lua.attr(def, "type").raweq(LuaValue.valueOf("string"))
                        && Lua.attr(def, "referenceable").toboolean() && Lua.isReference(value)) {
                    return;
                }
            }
            if (!errors.rawget(fname).isnil()) {
                allOk = false;
            }
            Lua.setField(checkInput, fname, value);
        }
        if (!allOk && !checker.withInvalid() && !argWithInvalid || allNil && !checker.withMissing()) {
            return;
        }
        if (!missing.isEmpty()) {
            for (String f : missing) {
                Lua.setField(errors, f, LuaValue.valueOf(Messages.REQUIRED_FOR_ENTITY_CHECK));
            }
            return;
        }
        Verdict verdict = new EntityChecks(engine, schema, errors).check(name, checkInput, arg);
        if (verdict == null) {
            return;
        }
        String message;
        if (verdict.custom() != null) {
            message = verdict.custom();
        } else {
            String format = Messages.entityCheck(name);
            message = format != null ? String.format(format, verdict.detail()) : verdict.detail();
        }
        LuaValue list = errors.rawget("@entity");
        if (!list.istable()) {
            list = new LuaTable();
            errors.rawset("@entity", list);
        }
        list.rawset(list.rawlen() + 1, LuaValue.valueOf(message));
    }

    /** A failed check: the argument of Kong's message format, or the schema author's own message. */
    record Verdict(String detail, String custom) {
    }
}
