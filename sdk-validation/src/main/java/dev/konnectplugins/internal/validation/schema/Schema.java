package dev.konnectplugins.internal.validation.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * A schema as Kong's {@code Schema.new} makes it from a definition (an entity's, or a record field's): its fields in
 * order and by name, its entity checks and shorthand fields. Kong works on a deep copy of the definition; the engine
 * never writes to a definition, so it reads the original.
 */
final class Schema {
    /** A field of the schema: its name (and the same as a Lua string, made once) and definition. */
    record Field(String name, LuaString key, LuaValue definition) {
        Field(String name, LuaValue definition) {
            this(name, LuaString.valueOf(name), definition);
        }
    }

    private final LuaValue definition;
    private final List<Field> fields;
    private final Map<String, LuaValue> byName = new HashMap<>();

    private Schema(LuaValue definition, List<Field> fields) {
        this.definition = definition;
        this.fields = fields;
        for (Field f : fields) {
            byName.put(f.name(), f.definition());
        }
    }

    /**
     * Kong's Schema.new: raises where Kong's would fail (no fields, a foreign field whose reference names no loaded
     * entity), since Kong's callers then index the missing schema.
     */
    static Schema of(LuaValue definition, Set<String> entities) {
        LuaValue list = Lua.attr(definition, "fields");
        if (list.isnil() || Lua.isNull(list)) {
            throw new KongRaise("error in schema definition: no 'fields' table");
        }
        if (Lua.isStub(list)) {
            throw new Undecidable("stand-in fields");
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 1; ; i++) {
            LuaValue item = Lua.index(list, LuaValue.valueOf(i));
            if (item.isnil()) {
                break;
            }
            if (Lua.isStub(item)) {
                throw new Undecidable("a stand-in field");
            }
            LuaValue key = Lua.firstKey(checkTable(item));
            LuaValue field = item.rawget(key);
            if (Lua.isStub(field)) {
                throw new Undecidable("a stand-in field definition");
            }
            if (field.istable() && Lua.attr(field, "type").raweq(LuaValue.valueOf("foreign"))
                    && !entities.contains(Lua.attr(field, "reference").optjstring(""))) {
                throw new KongRaise("schema refers to an invalid foreign entity: "
                        + Lua.str(Lua.attr(field, "reference")));
            }
            fields.add(new Field(Lua.str(key), field));
        }
        return new Schema(definition, Collections.unmodifiableList(fields));
    }

    private static LuaValue checkTable(LuaValue item) {
        if (!item.istable()) {
            throw new KongRaise("bad argument #1 to 'next' (table expected, got " + item.typename() + ")");
        }
        return item;
    }

    List<Field> fields() {
        return fields;
    }

    /** {@code self.fields[name]}, or nil. */
    LuaValue field(String name) {
        LuaValue f = byName.get(name);
        return f == null ? LuaValue.NIL : f;
    }

    /** Kong's get_schema_field: a dotted name walks record fields' {@code fields}. */
    LuaValue schemaField(String name, Set<String> entities) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return field(name);
        }
        LuaValue head = field(name.substring(0, dot));
        if (!head.istable() || Lua.isStub(head)) {
            return LuaValue.NIL;
        }
        return of(head, entities).schemaField(name.substring(dot + 1), entities);
    }

    LuaValue entityChecks() {
        return Lua.attr(definition, "entity_checks");
    }

    LuaValue shorthandFields() {
        return Lua.attr(definition, "shorthand_fields");
    }

    /** Kong skips validating {@code updated_at} always, and {@code ttl} on schemas with a ttl. */
    boolean unvalidated(String key) {
        return key.equals("updated_at") || key.equals("ttl") && Lua.attr(definition, "ttl").toboolean();
    }

    LuaTable emptyErrors() {
        return new LuaTable();
    }
}
