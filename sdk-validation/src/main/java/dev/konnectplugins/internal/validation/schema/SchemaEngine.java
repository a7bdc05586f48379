package dev.konnectplugins.internal.validation.schema;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Kong's schema validation (kong/db/schema/init.lua at Kong/kong f6b4167a), once, for every use the validator has:
 * a plugin's schema against the restricted metaschema (itself data), a default against its own field, a value
 * against a typedef or an entity's field. It reads the Lua tables a schema is made of and never writes to them.
 */
public final class SchemaEngine {
    /** What a validation gives: Kong's errors table (null when valid), or the Lua error Kong's code would raise. */
    public record Outcome(LuaTable errors, String raised, String undecidable) {
        /** Whether Kong would accept the input. */
        public boolean valid() {
            return errors == null && raised == null;
        }
    }

    private final SchemaHooks hooks;
    private final Set<String> entities;
    private final FieldValidator fields;
    private final RecordValidator records;
    private final EntityCheckers entityCheckers;
    private final AutoFields autoFields;
    private final Map<LuaValue, Schema> schemas = new IdentityHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** {@code entities}: the entity names a {@code foreign} field may reference (Kong's loaded schemas). */
    public SchemaEngine(SchemaHooks hooks, Set<String> entities) {
        this.hooks = hooks;
        this.entities = entities;
        this.fields = new FieldValidator(this, new Validators(hooks));
        this.records = new RecordValidator(this);
        this.entityCheckers = new EntityCheckers(this);
        this.autoFields = new AutoFields(this);
    }

    /** {@code Schema.new(definition):validate(input)}, as Kong validates a schema against a metaschema. */
    public Outcome validate(LuaValue definition, LuaValue input) {
        return run(() -> records.validate(schemaOf(definition), input));
    }

    /** {@code validate_field(field, value)}: one value against one field definition. */
    public Outcome validateField(LuaValue field, LuaValue value) {
        return run(() -> {
            LuaValue error = fields.validate(field, value, false);
            if (error == null) {
                return null;
            }
            LuaTable errors = new LuaTable();
            errors.rawset(1, error);
            return errors;
        });
    }

    /** {@code process_auto_fields(data, "insert")} of the schema {@code definition}; null when Kong's would not finish. */
    public LuaValue processAutoFields(LuaValue definition, LuaValue data) {
        try {
            return autoFields.process(schemaOf(definition), data);
        } catch (KongRaise | Undecidable | LuaError e) {
            return null;
        }
    }

    private interface Step {
        LuaTable run();
    }

    private Outcome run(Step step) {
        try {
            return new Outcome(step.run(), null, null);
        } catch (KongRaise | LuaError e) {
            return new Outcome(null, e.getMessage(), null);
        } catch (Undecidable e) {
            return new Outcome(null, null, e.getMessage());
        } catch (StackOverflowError e) {
            return new Outcome(null, "stack overflow", null);
        }
    }

    /**
     * What Kong refuses only some of the time (an entity check it runs on a record's default depending on LuaJIT's
     * hash order): Kong's messages, collected over this engine's runs.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(String message) {
        warnings.add(message);
    }

    SchemaHooks hooks() {
        return hooks;
    }

    Set<String> entities() {
        return entities;
    }

    FieldValidator fields() {
        return fields;
    }

    EntityCheckers entityCheckers() {
        return entityCheckers;
    }

    /** get_field_schema: the schema of a record field (or an entity definition), made once per definition. */
    Schema schemaOf(LuaValue definition) {
        Schema schema = schemas.get(definition);
        if (schema == null) {
            schema = Schema.of(definition, entities);
            schemas.put(definition, schema);
        }
        return schema;
    }

    /** A record value: processed for insert, then validated, as validate_field does for type "record". */
    LuaValue validateRecord(LuaValue field, LuaValue value) {
        Schema schema = schemaOf(field);
        LuaValue copy = autoFields.isProcessed(value) ? value : autoFields.process(schema, value);
        return records.validate(schema, copy);
    }
}
