package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.schema.KongSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaValue;

/**
 * What loading the schema as a subschema of the plugins entity refuses (Kong's Schema.load_and_validate_subschema
 * and Schema.new at Kong/kong f6b4167a), with the plugins entity read from its data file: a top-level field the
 * entity does not have, a type that is not compatible with the entity's, a foreign field referencing no entity.
 */
final class PluginsEntityFit {
    private static final Map<String, LuaValue> PARENT = parentFields();

    /** Kong's message for the top-level field {@code name} with {@code definition}, or null when it fits. */
    static String problem(String name, LuaValue definition) {
        if (!definition.istable() || SandboxEvaluator.isStub(definition)) {
            return null;
        }
        LuaValue type = definition.rawget("type");
        if (type.isstring() && type.tojstring().equals("foreign")
                && !KongSchemas.entities().contains(definition.rawget("reference").optjstring(""))) {
            return "schema refers to an invalid foreign entity: " + definition.rawget("reference").tojstring();
        }
        LuaValue parent = PARENT.get(name);
        if (parent == null) {
            return "error in definition of '<plugin>': " + name + ": cannot create a new field";
        }
        return compatible(parent, definition) ? null
                : "error in definition of '<plugin>': " + name + ": cannot change type in a specialized field";
    }

    /** The field names the plugins entity has. */
    static Set<String> names() {
        return PARENT.keySet();
    }

    /** Kong's compatible_fields. */
    private static boolean compatible(LuaValue parent, LuaValue field) {
        String t1 = parent.rawget("type").tojstring();
        LuaValue t2 = field.rawget("type");
        if (t1.equals("record") && t2.isstring() && t2.tojstring().equals("json")) {
            return true;
        }
        if (!t2.isstring() || !t1.equals(t2.tojstring())) {
            return false;
        }
        return switch (t1) {
            case "array", "set" -> sameType(parent, field, "elements");
            case "map" -> sameType(parent, field, "keys") && sameType(parent, field, "values");
            default -> true;
        };
    }

    private static boolean sameType(LuaValue parent, LuaValue field, String attribute) {
        LuaValue mine = field.rawget(attribute);
        if (!mine.istable() || SandboxEvaluator.isStub(mine)) {
            return SandboxEvaluator.isStub(mine);
        }
        return parent.rawget(attribute).rawget("type").raweq(mine.rawget("type"));
    }

    private static Map<String, LuaValue> parentFields() {
        Map<String, LuaValue> fields = new LinkedHashMap<>();
        LuaValue list = KongSchemas.pluginsEntity().rawget("fields");
        for (int i = 1; i <= list.rawlen(); i++) {
            LuaValue entry = list.rawget(i);
            LuaValue key = entry.next(LuaValue.NIL).arg1();
            fields.put(key.tojstring(), entry.rawget(key));
        }
        return Map.copyOf(fields);
    }

    private PluginsEntityFit() {
    }
}
