package dev.konnectplugins.internal.validation.schema;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's {@code Schema:validate} with {@code full_check}: each key of the input against its field ({@code unknown
 * field} when there is none; a field of type {@code self} validates the value against the input itself, under
 * pcall), then the required fields, then the entity checks. Returns the errors table, or null.
 */
final class RecordValidator {
    private final SchemaEngine engine;

    RecordValidator(SchemaEngine engine) {
        this.engine = engine;
    }

    LuaTable validate(Schema schema, LuaValue input) {
        if (!input.istable()) {
            throw new KongRaise(Messages.BAD_INPUT);
        }
        engine.hooks().charge("validate");
        LuaTable errors = new LuaTable();
        validateFields(schema, input, errors);
        for (Schema.Field field : schema.fields()) {
            LuaValue value = input.rawget(field.key());
            if (field.definition().istable() && Lua.attr(field.definition(), "required").toboolean()
                    && (value.isnil() || Lua.isNull(value))) {
                errors.rawset(field.name(), Messages.REQUIRED);
            }
        }
        engine.entityCheckers().runAll(schema, input, errors);
        return errors.next(LuaValue.NIL).arg1().isnil() ? null : errors;
    }

    private void validateFields(Schema schema, LuaValue input, LuaTable errors) {
        for (Varargs e = input.next(LuaValue.NIL); !e.arg1().isnil(); e = input.next(e.arg1())) {
            LuaValue key = e.arg1();
            String name = Lua.str(key);
            LuaValue field = schema.field(name);
            LuaValue type = field.istable() ? Lua.attr(field, "type") : LuaValue.NIL;
            LuaValue error;
            try {
                error = validateKey(schema, input, name, field, type, e.arg(2));
            } catch (Undecidable undecidable) {
                error = null; // a stand-in or plugin code decides this key in Kong: no verdict here
            }
            if (error != null) {
                errors.rawset(key, error);
            }
        }
    }

    private LuaValue validateKey(Schema schema, LuaValue input, String name, LuaValue field, LuaValue type,
            LuaValue value) {
            LuaValue error;
            if (type.raweq(LuaValue.valueOf("json"))) {
                error = null; // JSON schemas are validated by Kong's JSON-schema library, not modelled
            } else if (type.raweq(LuaValue.valueOf("self"))) {
                error = againstItself(input, value);
            } else if (schema.unvalidated(name)) {
                error = null;
            } else if (field.isnil()) {
                error = LuaValue.valueOf(Messages.UNKNOWN);
            } else {
                error = engine.fields().validate(field, value, false);
            }
            return error;
    }

    /** {@code pcall(self.validate_field, self, input, v)}: a default against the field it belongs to. */
    private LuaValue againstItself(LuaValue input, LuaValue value) {
        try {
            return engine.fields().validate(input, value, false);
        } catch (KongRaise | org.luaj.vm2.LuaError | ClassCastException | StackOverflowError e) {
            return LuaValue.valueOf(Messages.SCHEMA_CANNOT_VALIDATE);
        } catch (Undecidable e) {
            return null;
        }
    }
}
