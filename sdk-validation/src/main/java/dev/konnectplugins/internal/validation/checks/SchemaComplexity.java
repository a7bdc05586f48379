package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import java.util.ArrayDeque;
import java.util.Deque;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * What Kong's metaschema validation cannot finish: it walks nested fields recursively and slows steeply with depth
 * and size. With the Kong oracle, 150 nested records load and 170 no longer finish, a cyclic table overflows
 * LuaJIT's stack, and about 2,000 field definitions (shared subtables counted at each use) load where 30,000 do
 * not finish.
 */
final class SchemaComplexity {
    private static final int MAX_NESTING = 160;
    private static final int MAX_FIELD_VISITS = 10_000;
    /** The attributes through which a field definition holds others. */
    private static final String[] NESTED = {"elements", "keys", "values"};

    /** Where and why Kong could not validate the schema; null when it can. */
    record Problem(String near, String message) {
    }

    private final Deque<LuaTable> path = new ArrayDeque<>();
    private int visits;

    static Problem of(LuaTable schema) {
        return new SchemaComplexity().fields(schema.rawget("fields"));
    }

    private Problem fields(LuaValue list) {
        if (!list.istable() || SandboxEvaluator.isStub(list)) {
            return null;
        }
        for (int i = 1; i <= list.rawlen(); i++) {
            LuaValue entry = list.rawget(i);
            if (!entry.istable() || SandboxEvaluator.isStub(entry)) {
                continue;
            }
            for (Varargs e = entry.next(LuaValue.NIL); !e.arg1().isnil(); e = entry.next(e.arg1())) {
                Problem p = field(e.arg1().tojstring(), e.arg(2));
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private Problem field(String name, LuaValue value) {
        if (!value.istable() || SandboxEvaluator.isStub(value)) {
            return null;
        }
        LuaTable definition = (LuaTable) value;
        if (path.stream().anyMatch(open -> open == definition)) {
            return new Problem(name, "field '" + name + "' contains itself (a cyclic table): Kong's metaschema "
                    + "validation recurses into it until LuaJIT's stack overflows, so the upload is refused; build the "
                    + "schema as a tree");
        }
        if (path.size() >= MAX_NESTING) {
            return new Problem(name, "fields are nested more than " + MAX_NESTING + " levels deep (at '" + name
                    + "'): Kong's metaschema validation does not finish in reasonable time on such a schema; flatten it");
        }
        if (++visits > MAX_FIELD_VISITS) {
            return new Problem(name, "the schema has more than " + MAX_FIELD_VISITS + " field definitions (a shared "
                    + "subtable counts each time it is used): Kong's metaschema validation does not finish in "
                    + "reasonable time on it; simplify the schema");
        }
        path.push(definition);
        try {
            for (String nested : NESTED) {
                Problem p = field(name, definition.rawget(nested));
                if (p != null) {
                    return p;
                }
            }
            Problem p = fields(definition.rawget("fields"));
            return p != null ? p : fields(definition.rawget("shorthand_fields"));
        } finally {
            path.pop();
        }
    }
}
