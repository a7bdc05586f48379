package dev.konnectplugins.internal.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.LuaValue;

/**
 * Where in the plugin's schema one of Kong's errors lies: Kong's path ({@code fields.2.fields.1.default}) read
 * against the schema, so that the finding names the field ({@code config.a}) and the attribute ({@code default}).
 */
record ErrorPlace(List<String> fieldNames, List<String> attributePath) {
    private static final Set<String> NESTED = Set.of("elements", "keys", "values");

    static ErrorPlace of(LuaValue schema, List<LuaValue> path) {
        List<String> names = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        LuaValue node = schema;
        int i = 0;
        while (i < path.size()) {
            String key = path.get(i).tojstring();
            boolean list = key.equals("fields") || key.equals("shorthand_fields");
            LuaValue entry = i + 1 < path.size() && path.get(i + 1).type() == LuaValue.TNUMBER && list
                    ? member(member(node, key), path.get(i + 1)) : LuaValue.NIL;
            LuaValue name = entry.istable() ? entry.next(LuaValue.NIL).arg1() : LuaValue.NIL;
            if (name.isstring()) {
                names.add(name.tojstring());
                node = entry.rawget(name);
                i += 2;
            } else if (NESTED.contains(key) && member(node, key).istable() && i + 1 < path.size()) {
                names.add(key);
                node = member(node, key);
                i++;
            } else {
                break;
            }
        }
        for (; i < path.size(); i++) {
            String key = path.get(i).tojstring();
            if (key.equals("@entity")) {
                i++; // the message says it is an entity check
            } else {
                rest.add(key);
            }
        }
        return new ErrorPlace(names, rest);
    }

    private static LuaValue member(LuaValue table, Object key) {
        if (!table.istable()) {
            return LuaValue.NIL;
        }
        return key instanceof LuaValue k ? table.rawget(k) : table.rawget((String) key);
    }

    /** The name to look for in the source: the innermost field, else the first attribute. */
    String near() {
        for (int i = fieldNames.size() - 1; i >= 0; i--) {
            if (!NESTED.contains(fieldNames.get(i))) {
                return fieldNames.get(i);
            }
        }
        return attributePath.isEmpty() ? "fields" : attributePath.get(0);
    }

    /** The prefix of the finding's message: the field, then the attribute path, each followed by ": ". */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (!fieldNames.isEmpty()) {
            s.append("field '").append(String.join(".", fieldNames)).append("': ");
        }
        if (!attributePath.isEmpty()) {
            s.append(String.join(".", attributePath)).append(": ");
        }
        return s.toString();
    }
}
