package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.eval.SandboxEvaluator;
import dev.konnectplugins.validation.Rules;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The checks of Kong's plugin metaschema (kong/db/schema/metaschema.lua, MetaSubSchema) and of
 * {@code Entity.new_subschema} against the {@code plugins} entity, applied to the table schema.lua returned.
 * Anything built from a stand-in (an unknown typedef, a stubbed module) is skipped rather than guessed at.
 */
final class MetaSchema {
    private static final String FILE = "schema.lua";
    private static final Set<String> TYPES = Set.of("array", "set", "string", "number", "boolean", "integer",
            "foreign", "map", "record", "function", "json");
    private static final Map<String, String[]> REQUIRED = Map.of("array", new String[] {"elements"},
            "set", new String[] {"elements"}, "map", new String[] {"keys", "values"},
            "record", new String[] {"fields"}, "json", new String[] {"json_schema"});
    private static final Map<String, Set<String>> ATTRIBUTE_TYPES = Map.of(
            "between", Set.of("integer", "number"),
            "len_eq", Set.of("array", "set", "string", "map"),
            "match", Set.of("string"),
            "one_of", Set.of("string", "number", "integer"),
            "contains", Set.of("array", "set"),
            "is_regex", Set.of("string"),
            "timestamp", Set.of("number", "integer"),
            "uuid", Set.of("string"),
            "unique", Set.of("string", "number", "integer", "foreign"),
            "abstract", Set.of("string", "number", "integer", "record", "array", "set", "map"));
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("required", "unique", "unique_across_ws", "auto",
            "abstract", "generate_admin_api", "legacy", "immutable", "encrypted", "referenceable", "transient",
            "is_regex", "timestamp", "uuid");
    /** The metaschema's field_schema (its attributes, validators and recursive attributes). */
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of("type", "required", "reference", "description",
            "examples", "auto", "unique", "unique_across_ws", "on_delete", "default", "abstract", "generate_admin_api",
            "immutable", "err", "encrypted", "referenceable", "json_schema",
            "between", "eq", "ne", "gt", "len_eq", "len_min", "len_max", "match", "not_match", "match_all",
            "match_none", "match_any", "starts_with", "one_of", "not_one_of", "contains", "is_regex", "timestamp",
            "uuid", "custom_validator", "mutually_exclusive_subsets", "elements", "keys", "values", "fields",
            "entity_checks", "shorthand_fields");
    /** Attributes some Kong versions know and others not: only a warning. */
    private static final Set<String> VERSION_DEPENDENT_ATTRIBUTES = Set.of("transient", "deprecation", "legacy",
            "nilable", "indexed", "shorthands", "translate_backwards", "func", "example");
    /** MetaSubSchema's fields: anything else at the top level is an "unknown field" there. */
    private static final Set<String> TOP_LEVEL = Set.of("name", "fields", "entity_checks", "shorthand_fields",
            "transformations", "check");
    /** Top-level keys of newer gateways or of the entity metaschema: only a warning. */
    private static final Set<String> VERSION_DEPENDENT_TOP_LEVEL = Set.of("supported_partials", "shorthands",
            "legacy");
    private static final Set<String> PLUGIN_FIELDS = Set.of("id", "name", "instance_name", "created_at",
            "updated_at", "route", "service", "consumer", "consumer_group", "config", "protocols", "enabled", "tags",
            "ordering", "partials");
    private static final Set<String> ENTITY_CHECKERS = Set.of("at_least_one_of", "conditional_at_least_one_of",
            "only_one_of", "distinct", "conditional", "custom_entity_check", "mutually_required", "mutually_exclusive",
            "mutually_exclusive_sets");

    /**
     * Kong's metaschema validation walks nested fields recursively and slows steeply with depth and size: with the
     * Kong oracle, 150 nested records load and 170 no longer finish, a cyclic table overflows LuaJIT's stack, and
     * about 2,000 field definitions (shared subtables counted at each use) load where 30,000 do not finish.
     */
    private static final int MAX_NESTING = 160;
    private static final int MAX_FIELD_VISITS = 10_000;

    private final Findings out;
    private final SourceLocator locator;
    private final int fallbackLine;
    /** The field definitions being checked, outermost first: a cycle is a table met again on this path. */
    private final java.util.Deque<LuaTable> path = new java.util.ArrayDeque<>();
    private int fieldVisits;
    private boolean walkStopped;

    MetaSchema(Findings out, String source, int fallbackLine) {
        this.out = out;
        this.locator = new SourceLocator(source);
        this.fallbackLine = fallbackLine;
    }

    void check(LuaTable schema) {
        topLevelKeys(schema);
        LuaValue fields = schema.rawget("fields");
        if (SandboxEvaluator.isStub(fields)) {
            return;
        }
        if (!fields.istable()) {
            error("fields", "the schema has no 'fields' table: a plugin schema is { name = ..., fields = { { config "
                    + "= { type = \"record\", fields = { ... } } } } }");
            return;
        }
        LuaTable list = (LuaTable) fields;
        if (list.length() == 0 && !list.next(LuaValue.NIL).arg1().isnil()) {
            error("fields", "'fields' is a map, but Kong (1.0 and later) wants an array of single-key tables, "
                    + "e.g. fields = { { config = { type = \"record\", fields = { ... } } } }");
            return;
        }
        boolean hasConfig = false;
        for (int i = 1; i <= list.length(); i++) {
            String name = fieldEntry(list.rawget(i), "");
            if (name != null) {
                hasConfig |= name.equals("config");
                topLevelField(name, ((LuaTable) list.rawget(i)).rawget(name));
            }
        }
        if (!hasConfig) {
            error("fields", "the schema has no 'config' field; every plugin schema needs "
                    + "{ config = { type = \"record\", fields = { ... } } } in its fields");
        }
        entityChecks(schema.rawget("entity_checks"), "entity_checks");
    }

    private void topLevelKeys(LuaTable schema) {
        for (Varargs entry = schema.next(LuaValue.NIL); !entry.arg1().isnil(); entry = schema.next(entry.arg1())) {
            String key = entry.arg1().tojstring();
            if (!entry.arg1().isstring() || TOP_LEVEL.contains(key)) {
                continue;
            }
            if (VERSION_DEPENDENT_TOP_LEVEL.contains(key)) {
                warning(key, "top-level schema key '" + key + "' is not known to every Kong version's metaschema; "
                        + "check that your gateway accepts it");
            } else {
                error(key, "unknown top-level schema key '" + key + "': Kong's metaschema refuses it (\"unknown "
                        + "field\"); a plugin schema has only name, fields, entity_checks, shorthand_fields, "
                        + "transformations and check");
            }
        }
    }

    private void topLevelField(String name, LuaValue definition) {
        if (!PLUGIN_FIELDS.contains(name)) {
            error(name, "'" + name + "' cannot be a top-level field: a plugin schema can only specialize the plugins "
                    + "entity's fields (config, protocols, consumer, route, service...); put it inside config");
        } else if (name.equals("config") && definition.istable() && !SandboxEvaluator.isStub(definition)) {
            LuaValue type = definition.rawget("type");
            if (type.isstring() && !type.tojstring().equals("record")) {
                error(name, "'config' must be of type \"record\", not \"" + type.tojstring() + "\"");
            }
        }
    }

    /** Checks one {@code { name = definition }} entry of a fields array; returns its name when well-formed. */
    private String fieldEntry(LuaValue entry, String parent) {
        if (SandboxEvaluator.isStub(entry)) {
            return null;
        }
        if (!entry.istable()) {
            error(parent.isEmpty() ? "fields" : parent, "each entry in fields must be a sub-table "
                    + "{ field_name = { type = ... } }" + where(parent));
            return null;
        }
        LuaTable table = (LuaTable) entry;
        Varargs first = table.next(LuaValue.NIL);
        if (first.arg1().isnil()) {
            error(parent.isEmpty() ? "fields" : parent, "field entry table is empty" + where(parent)
                    + " (a typedef or variable that is nil?)");
            return null;
        }
        if (!table.next(first.arg1()).arg1().isnil()) {
            error(first.arg1().tojstring(), "each entry in fields must have exactly one key, the field's name"
                    + where(parent) + "; write { a = {...} }, { b = {...} } as separate entries");
            return null;
        }
        if (!first.arg1().isstring() || first.arg1().isnumber()) {
            error(parent.isEmpty() ? "fields" : parent, "each key in fields must be a string" + where(parent));
            return null;
        }
        String name = first.arg1().tojstring();
        LuaValue definition = first.arg(2);
        if (SandboxEvaluator.isStub(definition)) {
            return name;
        }
        if (!definition.istable()) {
            error(name, "'" + name + "' must be a table (a field definition)");
            return null;
        }
        field(name, (LuaTable) definition);
        return name;
    }

    /** Checks a field definition, unless it contains itself or nests or repeats beyond what Kong can validate. */
    private void field(String name, LuaTable definition) {
        if (walkStopped) {
            return;
        }
        String tooComplex = tooComplex(name, definition);
        if (tooComplex != null) {
            walkStopped = true;
            error(name, tooComplex);
            return;
        }
        path.push(definition);
        try {
            checkField(name, definition);
        } finally {
            path.pop();
        }
    }

    /** Why Kong could not validate this field definition where it is, or null. */
    private String tooComplex(String name, LuaTable definition) {
        if (path.stream().anyMatch(open -> open == definition)) {
            return "field '" + name + "' contains itself (a cyclic table): Kong's metaschema validation recurses "
                    + "into it until LuaJIT's stack overflows, so the upload is refused; build the schema as a tree";
        }
        if (path.size() >= MAX_NESTING) {
            return "fields are nested more than " + MAX_NESTING + " levels deep (at '" + name + "'): Kong's "
                    + "metaschema validation does not finish in reasonable time on such a schema; flatten it";
        }
        if (++fieldVisits > MAX_FIELD_VISITS) {
            return "the schema has more than " + MAX_FIELD_VISITS + " field definitions (a shared subtable counts "
                    + "each time it is used): Kong's metaschema validation does not finish in reasonable time on it; "
                    + "simplify the schema";
        }
        return null;
    }

    private void checkField(String name, LuaTable definition) {
        LuaValue typeValue = definition.rawget("type");
        if (typeValue.isnil()) {
            error(name, "field '" + name + "' has no type; add type = \"string\" (or another type)");
            return;
        }
        String type = typeValue.tojstring();
        if (!typeValue.isstring() || !TYPES.contains(type)) {
            error(name, "field '" + name + "' has an unknown type '" + type + "'; use one of " + String.join(", ",
                    new java.util.TreeSet<>(TYPES)));
            return;
        }
        requiredAttributes(name, type, definition);
        attributes(name, type, definition);
        for (String nested : new String[] {"elements", "keys", "values"}) {
            LuaValue value = definition.rawget(nested);
            if (value.isnil() || SandboxEvaluator.isStub(value)) {
                continue;
            }
            if (value.istable()) {
                field(name, (LuaTable) value);
            } else {
                error(name, "'" + nested + "' of field '" + name + "' must be a table");
            }
        }
        LuaValue fields = definition.rawget("fields");
        if (!fields.isnil() && !SandboxEvaluator.isStub(fields)) {
            if (fields.istable()) {
                LuaTable list = (LuaTable) fields;
                for (int i = 1; i <= list.length(); i++) {
                    fieldEntry(list.rawget(i), name);
                }
            } else {
                error(name, "'fields' of field '" + name + "' must be a table");
            }
        }
        entityChecks(definition.rawget("entity_checks"), name);
    }

    private void requiredAttributes(String name, String type, LuaTable definition) {
        String[] required = REQUIRED.get(type);
        if (required == null || (type.equals("record") && definition.rawget("abstract").toboolean())) {
            return;
        }
        for (String attribute : required) {
            if (definition.rawget(attribute).isnil()) {
                error(name, "field '" + name + "' of type '" + type + "' must declare '" + attribute + "'");
            }
        }
    }

    private void attributes(String name, String type, LuaTable definition) {
        for (Varargs e = definition.next(LuaValue.NIL); !e.arg1().isnil(); e = definition.next(e.arg1())) {
            if (!e.arg1().isstring()) {
                continue;
            }
            String attribute = e.arg1().tojstring();
            Set<String> allowed = ATTRIBUTE_TYPES.get(attribute);
            if (allowed != null && !allowed.contains(type)) {
                error(name, "field '" + name + "' of type '" + type + "' cannot have attribute '" + attribute + "'");
            } else if (BOOLEAN_ATTRIBUTES.contains(attribute) && !e.arg(2).isboolean()
                    && !SandboxEvaluator.isStub(e.arg(2))) {
                error(name, "attribute '" + attribute + "' of field '" + name + "' must be a boolean");
            } else if (attribute.equals("default")) {
                defaultValue(name, type, e.arg(2));
            } else if (attribute.equals("description")) {
                description(name, e.arg(2));
            } else if (VERSION_DEPENDENT_ATTRIBUTES.contains(attribute)) {
                warning(name, "field '" + name + "' has an attribute '" + attribute
                        + "' that not every Kong version's metaschema knows; check that your gateway accepts it");
            } else if (!KNOWN_ATTRIBUTES.contains(attribute)) {
                error(name, "field '" + name + "' has an attribute '" + attribute + "' that Kong's metaschema does "
                        + "not know (\"unknown field\"); remove it or use a validator such as one_of");
            }
        }
    }

    /** The metaschema declares description = { type = "string", len_min = 10, len_max = 500 }. */
    private void description(String name, LuaValue value) {
        if (SandboxEvaluator.isStub(value)) {
            return;
        }
        if (value.type() != LuaValue.TSTRING) {
            error(name, "the description of field '" + name + "' must be a string");
            return;
        }
        int length = value.checkstring().length();
        if (length < 10 || length > 500) {
            error(name, "the description of field '" + name + "' is " + length + " characters long; Kong's "
                    + "metaschema wants 10 to 500");
        }
    }

    private void defaultValue(String name, String type, LuaValue value) {
        if (SandboxEvaluator.isStub(value) || value.isnil()) {
            return;
        }
        boolean ok = switch (type) {
            case "string" -> value.type() == LuaValue.TSTRING;
            case "number" -> value.type() == LuaValue.TNUMBER;
            case "integer" -> value.type() == LuaValue.TNUMBER && value.todouble() == Math.floor(value.todouble())
                    && !Double.isInfinite(value.todouble());
            case "boolean" -> value.isboolean();
            case "array", "set", "map", "record" -> value.istable();
            default -> true;
        };
        if (!ok && !isNull(value)) {
            error(name, "the default of field '" + name + "' is not a valid " + type + " ("
                    + value.typename() + " given)");
        }
    }

    private static boolean isNull(LuaValue value) {
        return value.istable() && value.getmetatable() != null && value.getmetatable().rawget("__null").toboolean();
    }

    private void entityChecks(LuaValue checks, String owner) {
        if (checks.isnil() || SandboxEvaluator.isStub(checks)) {
            return;
        }
        if (!checks.istable()) {
            error("entity_checks", "'entity_checks' of '" + owner + "' must be an array of checks");
            return;
        }
        LuaTable list = (LuaTable) checks;
        for (int i = 1; i <= list.length(); i++) {
            LuaValue check = list.rawget(i);
            if (!check.istable() || SandboxEvaluator.isStub(check)) {
                continue;
            }
            int known = 0;
            String unknown = null;
            LuaTable table = (LuaTable) check;
            for (Varargs e = table.next(LuaValue.NIL); !e.arg1().isnil(); e = table.next(e.arg1())) {
                if (ENTITY_CHECKERS.contains(e.arg1().tojstring())) {
                    known++;
                } else {
                    unknown = e.arg1().tojstring();
                }
            }
            if (unknown != null) {
                error(unknown, "unknown entity check '" + unknown + "'; use one of " + String.join(", ",
                        new java.util.TreeSet<>(ENTITY_CHECKERS)));
            } else if (known != 1) {
                error("entity_checks", "each entity check must contain exactly one checker");
            }
        }
    }

    private static String where(String parent) {
        return parent.isEmpty() ? "" : " (in '" + parent + "')";
    }

    private void error(String near, String message) {
        int[] at = position(near);
        out.error(Rules.SCHEMA_SHAPE, FILE, at[0], at[1], message);
    }

    private void warning(String near, String message) {
        int[] at = position(near);
        out.warning(Rules.SCHEMA_SHAPE, FILE, at[0], at[1], message);
    }

    private int[] position(String near) {
        int[] at = locator.find(near);
        return at[0] > 0 ? at : new int[] {fallbackLine, 0};
    }
}
