package dev.konnectplugins.internal.validation.schema;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's {@code Schema:validate_field}: a value against one field definition (its type, then its validators in
 * Kong's order, {@code field.err} replacing their message). Returns null when the value passes, else Kong's error: a
 * string, or a table of errors for arrays, sets and records.
 */
final class FieldValidator {
    private final SchemaEngine engine;
    private final Validators validators;

    FieldValidator(SchemaEngine engine, Validators validators) {
        this.engine = engine;
        this.validators = validators;
    }

    /** {@code required} stands for Kong setting {@code elements.required = true} (and keys', values') first. */
    LuaValue validate(LuaValue field, LuaValue value, boolean required) {
        engine.hooks().charge("validate_field");
        if (Lua.isStub(value)) {
            throw new Undecidable("a stand-in value");
        }
        LuaValue eq = Lua.attr(field, "eq");
        if (Lua.isNull(value)) {
            if (Lua.isNull(Lua.attr(field, "ne"))) {
                return err(field, String.format(Messages.NE, "null"));
            }
            if (!eq.isnil() && !Lua.isNull(eq)) {
                return LuaValue.valueOf(String.format(Messages.EQ, Lua.str(eq)));
            }
            return required || Lua.attr(field, "required").toboolean() ? LuaValue.valueOf(Messages.REQUIRED) : null;
        }
        if (Lua.isNull(eq)) {
            return err(field, String.format(Messages.EQ, "null"));
        }
        if (Lua.attr(field, "abstract").toboolean()) {
            return LuaValue.valueOf(Messages.SUBSCHEMA_ABSTRACT_FIELD);
        }
        LuaValue type = Lua.attr(field, "type");
        String typeName = type.type() == LuaValue.TSTRING ? type.tojstring() : null;
        TypeOutcome outcome = byType(field, typeName, type, value);
        if (outcome.error != null || outcome.done) {
            return outcome.error;
        }
        return runValidators(field, value, "string".equals(typeName), "map".equals(typeName));
    }

    private record TypeOutcome(LuaValue error, boolean done) {
        static final TypeOutcome PASS = new TypeOutcome(null, false);
        static final TypeOutcome ACCEPT = new TypeOutcome(null, true);

        static TypeOutcome fail(String message) {
            return new TypeOutcome(LuaValue.valueOf(message), true);
        }
    }

    private TypeOutcome byType(LuaValue field, String typeName, LuaValue type, LuaValue value) {
        if (typeName == null) {
            return type.isnil() ? TypeOutcome.fail(String.format(Messages.SCHEMA_TYPE, "nil"))
                    : TypeOutcome.fail(String.format(Messages.SCHEMA_TYPE, Lua.str(type)));
        }
        switch (typeName) {
            case "array", "set" -> {
                if (!Lua.isSequence(value)) {
                    return TypeOutcome.fail(typeName.equals("set") ? Messages.SET : Messages.ARRAY);
                }
                LuaValue errors = elements(Lua.attr(field, "elements"), value);
                return errors == null ? TypeOutcome.PASS : new TypeOutcome(errors, true);
            }
            case "map" -> {
                if (!value.istable()) {
                    return TypeOutcome.fail(Messages.MAP);
                }
                LuaValue error = map(field, value);
                return error == null ? TypeOutcome.PASS : new TypeOutcome(error, true);
            }
            case "record" -> {
                if (!value.istable()) {
                    return TypeOutcome.fail(Messages.RECORD);
                }
                LuaValue error = engine.validateRecord(field, value);
                return error == null ? TypeOutcome.PASS : new TypeOutcome(error, true);
            }
            case "integer" -> {
                double d = value.todouble();
                return value.type() == LuaValue.TNUMBER && d == Math.floor(d) && !Double.isInfinite(d)
                        ? TypeOutcome.PASS : TypeOutcome.fail(Messages.INTEGER);
            }
            case "string" -> {
                if (value.type() != LuaValue.TSTRING) {
                    return TypeOutcome.fail(Messages.STRING);
                }
                return Lua.attr(field, "referenceable").toboolean() && Lua.isReference(value) ? TypeOutcome.ACCEPT
                        : TypeOutcome.PASS;
            }
            case "function" -> {
                return value.isfunction() ? TypeOutcome.PASS : TypeOutcome.fail(Messages.FUNCTION);
            }
            case "number" -> {
                return value.type() == LuaValue.TNUMBER ? TypeOutcome.PASS : TypeOutcome.fail(Messages.NUMBER);
            }
            case "boolean" -> {
                return value.isboolean() ? TypeOutcome.PASS : TypeOutcome.fail(Messages.BOOLEAN);
            }
            case "json" -> {
                // type(value) is never "json" and validation_errors.JSON does not exist: Kong's validate_field
                // returns nil without a message, which its callers record as no error.
                return TypeOutcome.ACCEPT;
            }
            case "foreign", "any" -> {
                return TypeOutcome.PASS;
            }
            default -> {
                return TypeOutcome.fail(String.format(Messages.SCHEMA_TYPE, typeName));
            }
        }
    }

    private LuaValue elements(LuaValue elements, LuaValue value) {
        if (!elements.istable()) {
            throw new KongRaise("attempt to index field 'elements' (a " + elements.typename() + " value)");
        }
        LuaTable errors = null;
        int n = Lua.length(value);
        for (int i = 1; i <= n; i++) {
            LuaValue error = validate(elements, value.rawget(i), true);
            if (error != null) {
                errors = errors == null ? new LuaTable() : errors;
                errors.rawset(i, error);
            }
        }
        return errors;
    }

    private LuaValue map(LuaValue field, LuaValue value) {
        LuaValue keys = Lua.attr(field, "keys");
        LuaValue values = Lua.attr(field, "values");
        if (!keys.istable() || !values.istable()) {
            throw new KongRaise("attempt to index field 'keys' or 'values' (a nil value)");
        }
        for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
            LuaValue error = validate(keys, e.arg1(), true);
            if (error == null) {
                error = validate(values, e.arg(2), true);
            }
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private LuaValue runValidators(LuaValue field, LuaValue value, boolean string, boolean map) {
        for (String name : Validators.ORDER) {
            LuaValue arg = Lua.attr(field, name);
            if (arg.isnil() && string && name.equals("len_min")) {
                arg = LuaValue.ONE; // "empty strings are not accepted by default"
            }
            if (!arg.isnil()) {
                String error = validators.run(name, value, arg, map);
                if (error != null) {
                    return err(field, error);
                }
            }
        }
        return null;
    }

    /** {@code field.err or err}. */
    private static LuaValue err(LuaValue field, String message) {
        LuaValue own = Lua.attr(field, "err");
        return own.isnil() || !own.toboolean() ? LuaValue.valueOf(message) : own;
    }
}
