package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.analysis.SandboxSpec;
import dev.konnectplugins.internal.validation.eval.SandboxEvaluator;
import dev.konnectplugins.internal.validation.eval.Watchdog;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's checks of a streamed plugin's schema: {@code MetaSchema.RestrictedMetaSubSchema} (kong/db/schema/metaschema.lua
 * at Kong/kong f6b4167a), which the upload validates against, and what loading the schema as a subschema of the
 * {@code plugins} entity refuses. The restricted metaschema is declarative: it checks each field attribute's value
 * against the metaschema's own field_schema (types, {@code default} against the field itself), refuses attributes
 * and top-level keys it does not declare, and never applies MetaSubSchema's per-type rules (its {@code check}
 * function), so {@code unique} on a boolean or an array without {@code elements} pass.
 * Anything built from a stand-in (a stubbed module) is skipped rather than guessed at.
 */
final class MetaSchema {
    private static final String FILE = SandboxSpec.Kind.SCHEMA.file();
    /** Schema.valid_types. */
    private static final Set<String> TYPES = Set.of("array", "set", "string", "number", "boolean", "integer",
            "foreign", "map", "record", "function", "json");

    /** The kinds of value field_schema declares for an attribute. */
    private enum ValueKind { BOOLEAN, STRING, INTEGER, NUMBER, ANY, ARRAY, BETWEEN, ON_DELETE, FUNCTION, MATCH_LIST,
        MATCH_ANY, SUBSETS, FIELD, FIELDS, ENTITY_CHECKS, TABLE, DEPRECATION, DESCRIPTION, TYPE, DEFAULT }

    /** field_schema: every attribute the restricted metaschema knows, with the kind of its value. */
    private static final Map<String, ValueKind> ATTRIBUTES = Map.ofEntries(
            Map.entry("type", ValueKind.TYPE), Map.entry("required", ValueKind.BOOLEAN), Map.entry("reference", ValueKind.STRING),
            Map.entry("description", ValueKind.DESCRIPTION), Map.entry("examples", ValueKind.ARRAY),
            Map.entry("auto", ValueKind.BOOLEAN), Map.entry("unique", ValueKind.BOOLEAN),
            Map.entry("unique_across_ws", ValueKind.BOOLEAN), Map.entry("on_delete", ValueKind.ON_DELETE),
            Map.entry("default", ValueKind.DEFAULT), Map.entry("abstract", ValueKind.BOOLEAN),
            Map.entry("generate_admin_api", ValueKind.BOOLEAN), Map.entry("immutable", ValueKind.BOOLEAN),
            Map.entry("err", ValueKind.STRING), Map.entry("encrypted", ValueKind.BOOLEAN),
            Map.entry("referenceable", ValueKind.BOOLEAN), Map.entry("prefix_ws", ValueKind.BOOLEAN),
            Map.entry("db_export", ValueKind.BOOLEAN), Map.entry("indexed", ValueKind.BOOLEAN),
            Map.entry("json_schema", ValueKind.TABLE), Map.entry("transient", ValueKind.BOOLEAN),
            Map.entry("deprecation", ValueKind.DEPRECATION),
            Map.entry("between", ValueKind.BETWEEN), Map.entry("eq", ValueKind.ANY), Map.entry("ne", ValueKind.ANY),
            Map.entry("gt", ValueKind.NUMBER), Map.entry("len_eq", ValueKind.INTEGER), Map.entry("len_min", ValueKind.INTEGER),
            Map.entry("len_max", ValueKind.INTEGER), Map.entry("match", ValueKind.STRING), Map.entry("not_match", ValueKind.STRING),
            Map.entry("match_all", ValueKind.MATCH_LIST), Map.entry("match_none", ValueKind.MATCH_LIST),
            Map.entry("match_any", ValueKind.MATCH_ANY), Map.entry("starts_with", ValueKind.STRING),
            Map.entry("one_of", ValueKind.ARRAY), Map.entry("not_one_of", ValueKind.ARRAY), Map.entry("contains", ValueKind.ANY),
            Map.entry("is_regex", ValueKind.BOOLEAN), Map.entry("timestamp", ValueKind.BOOLEAN),
            Map.entry("uuid", ValueKind.BOOLEAN), Map.entry("custom_validator", ValueKind.FUNCTION),
            Map.entry("mutually_exclusive_subsets", ValueKind.SUBSETS),
            Map.entry("elements", ValueKind.FIELD), Map.entry("keys", ValueKind.FIELD), Map.entry("values", ValueKind.FIELD),
            Map.entry("fields", ValueKind.FIELDS), Map.entry("entity_checks", ValueKind.ENTITY_CHECKS),
            Map.entry("shorthand_fields", ValueKind.TABLE));
    /** RestrictedMetaSubSchema's fields: anything else at the top level is an "unknown field". */
    private static final Set<String> TOP_LEVEL = Set.of("name", "fields", "entity_checks");
    /** The plugins entity's fields (kong/db/schema/entities/plugins.lua at f6b4167a) and their types. */
    private static final Map<String, String> PLUGIN_FIELDS = Map.ofEntries(Map.entry("id", "string"),
            Map.entry("name", "string"), Map.entry("instance_name", "string"), Map.entry("created_at", "integer"),
            Map.entry("updated_at", "integer"), Map.entry("route", "foreign"), Map.entry("service", "foreign"),
            Map.entry("consumer", "foreign"), Map.entry("consumer_group", "foreign"), Map.entry("config", "record"),
            Map.entry("protocols", "set"), Map.entry("enabled", "boolean"), Map.entry("tags", "set"),
            Map.entry("ordering", "map"));
    /** The entity checkers and the kind of their argument (entity_checkers in metaschema.lua). */
    private static final Map<String, ValueKind> ENTITY_CHECKERS = Map.of("at_least_one_of", ValueKind.ARRAY,
            "conditional_at_least_one_of", ValueKind.TABLE, "only_one_of", ValueKind.ARRAY, "distinct", ValueKind.ARRAY,
            "conditional", ValueKind.TABLE, "custom_entity_check", ValueKind.TABLE, "mutually_required", ValueKind.ARRAY,
            "mutually_exclusive", ValueKind.ARRAY, "mutually_exclusive_sets", ValueKind.TABLE);

    /**
     * Kong's metaschema validation walks nested fields recursively and slows steeply with depth and size: with the
     * Kong oracle, 150 nested records load and 170 no longer finish, a cyclic table overflows LuaJIT's stack, and
     * about 2,000 field definitions (shared subtables counted at each use) load where 30,000 do not finish.
     */
    private static final int MAX_NESTING = 160;
    private static final int MAX_FIELD_VISITS = 10_000;

    private final Findings out;
    private final SourceText source;
    /** What finding a position costs: a search of the source for a name the plugin chose. */
    private final long searchCost;
    private final int fallbackLine;
    /** The field definitions being checked, outermost first: a cycle is a table met again on this path. */
    private final java.util.Deque<LuaTable> path = new java.util.ArrayDeque<>();
    private int fieldVisits;
    private boolean walkStopped;

    MetaSchema(Findings out, String source, int fallbackLine) {
        this.out = out;
        this.source = new SourceText(source);
        this.searchCost = 1 + source.length() / 16;
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
            // The plugins entity's config is abstract and not required, so Kong uploads and loads such a plugin
            // (the Kong oracle agrees), and its instances run with an empty conf.
            SourcePosition at = position("fields");
            out.warning(Rules.SCHEMA_SHAPE, FILE, at.line(), at.column(), "the schema has no 'config' field, so "
                    + "the plugin takes no configuration (Kong accepts it and passes an empty conf); if it should, "
                    + "add { config = { type = \"record\", fields = { ... } } } to its fields");
        }
        entityChecks(schema.rawget("entity_checks"), "entity_checks");
    }

    private void topLevelKeys(LuaTable schema) {
        for (Varargs entry = schema.next(LuaValue.NIL); !entry.arg1().isnil(); entry = schema.next(entry.arg1())) {
            String key = entry.arg1().tojstring();
            if (entry.arg1().isstring() && !TOP_LEVEL.contains(key)) {
                error(key, "unknown top-level schema key '" + key + "': the metaschema of streamed plugins refuses it "
                        + "(\"" + key + ": unknown field\"); a streamed plugin's schema has only name, fields and "
                        + "entity_checks (no shorthand_fields, transformations or check functions)");
            }
        }
    }

    /** Loading the schema as a subschema of the plugins entity: no new fields, no changed types. */
    private void topLevelField(String name, LuaValue definition) {
        String type = PLUGIN_FIELDS.get(name);
        if (type == null) {
            error(name, "'" + name + "' cannot be a top-level field (\"" + name + ": cannot create a new field\" when "
                    + "a node loads the plugin): a plugin schema can only specialize the plugins entity's fields "
                    + "(config, protocols, consumer, route, service...); put it inside config");
            return;
        }
        if (!definition.istable() || SandboxEvaluator.isStub(definition)) {
            return;
        }
        LuaValue given = definition.rawget("type");
        if (given.isstring() && !given.tojstring().equals(type)) {
            error(name, "the top-level field '" + name + "' must keep the plugins entity's type \"" + type
                    + "\", not \"" + given.tojstring() + "\" (\"" + name + ": cannot change type in a specialized "
                    + "field\" when a node loads the plugin)");
        } else if (type.equals("record") && definition.rawget("fields").isnil()) {
            error(name, "'config' must declare its fields: config = { type = \"record\", fields = { ... } }");
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
        Watchdog.charge(1);
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
            error(name, "field '" + name + "' has no type (\"type: required field missing\"); add type = \"string\" "
                    + "(or another type)");
            return;
        }
        if (!typeValue.isstring() || !TYPES.contains(typeValue.tojstring())) {
            error(name, "field '" + name + "' has an unknown type '" + typeValue.tojstring() + "'; use one of "
                    + String.join(", ", new TreeSet<>(TYPES)));
            return;
        }
        String type = typeValue.tojstring();
        if (type.equals("record") && definition.rawget("fields").isnil() && !definition.rawget("abstract").toboolean()) {
            // The metaschema lets it through, but loading the schema fails on it (Kong indexes record.fields).
            error(name, "field '" + name + "' of type 'record' must declare 'fields'");
        }
        for (Varargs e = definition.next(LuaValue.NIL); !e.arg1().isnil(); e = definition.next(e.arg1())) {
            if (e.arg1().isstring() && !SandboxEvaluator.isStub(e.arg(2))) {
                attribute(name, definition, e.arg1().tojstring(), e.arg(2));
            }
        }
        if (definition.rawget("unique_across_ws").toboolean() && !definition.rawget("unique").toboolean()) {
            error(name, "field '" + name + "' sets unique_across_ws, so it must set unique = true too");
        }
    }

    private void attribute(String name, LuaTable definition, String attribute, LuaValue value) {
        ValueKind kind = ATTRIBUTES.get(attribute);
        if (kind == null) {
            error(name, "field '" + name + "' has an attribute '" + attribute + "' that the metaschema of streamed "
                    + "plugins does not know (\"" + attribute + ": unknown field\"); remove it");
            return;
        }
        String problem = switch (kind) {
            case DEFAULT -> {
                String p = FieldValue.problem(definition, value);
                yield p == null ? null : "the default of field '" + name + "' is not a valid value of the field: " + p;
            }
            case DESCRIPTION -> description(value);
            case FIELD -> {
                if (value.istable()) {
                    field(name, (LuaTable) value);
                    yield null;
                }
                yield "expected a record";
            }
            case FIELDS -> {
                if (value.istable()) {
                    for (int i = 1; i <= value.length(); i++) {
                        fieldEntry(value.get(i), name);
                    }
                    yield null;
                }
                yield "expected an array";
            }
            case ENTITY_CHECKS -> {
                entityChecks(value, name);
                yield null;
            }
            case TYPE -> null;
            default -> valueProblem(kind, value);
        };
        if (problem != null) {
            error(name, kind == ValueKind.DEFAULT || kind == ValueKind.DESCRIPTION ? problem
                    : "attribute '" + attribute + "' of field '" + name + "': " + problem);
        }
    }

    /** Kong's message when {@code value} is not of the declared kind, or null. */
    private static String valueProblem(ValueKind kind, LuaValue value) {
        return switch (kind) {
            case BOOLEAN -> value.isboolean() ? null : "expected a boolean";
            case STRING -> value.type() == LuaValue.TSTRING ? null : "expected a string";
            case INTEGER -> value.type() == LuaValue.TNUMBER && FieldValue.isInteger(value.todouble()) ? null
                    : "expected an integer";
            case NUMBER -> value.type() == LuaValue.TNUMBER ? null : "expected a number";
            case FUNCTION -> value.isfunction() ? null : "expected a function";
            case ARRAY -> FieldValue.isSequence(value) ? null : "expected an array";
            case BETWEEN -> !FieldValue.isSequence(value) ? "expected an array"
                    : value.length() != 2 ? "length must be 2"
                    : value.get(1).type() != LuaValue.TNUMBER || value.get(2).type() != LuaValue.TNUMBER
                    ? "expected a number" : null;
            case ON_DELETE -> List.of("restrict", "cascade", "null").contains(value.optjstring(""))
                    && value.isstring() ? null : "expected one of: restrict, cascade, null";
            case MATCH_LIST -> matchList(value);
            case MATCH_ANY -> !value.istable() ? "expected a record"
                    : !FieldValue.isSequence(value.get("patterns")) ? "patterns: expected an array" : null;
            case SUBSETS, ANY -> kind == ValueKind.SUBSETS && !FieldValue.isSequence(value) ? "expected an array" : null;
            case TABLE, DEPRECATION -> value.istable() ? null : "expected a record";
            default -> null;
        };
    }

    private static String matchList(LuaValue value) {
        if (!FieldValue.isSequence(value)) {
            return "expected an array";
        }
        for (int i = 1; i <= value.length(); i++) {
            LuaValue item = value.get(i);
            if (!item.istable() || item.rawget("pattern").type() != LuaValue.TSTRING) {
                return "each entry needs a string 'pattern' (and optionally 'err')";
            }
        }
        return null;
    }

    /** The metaschema declares description = { type = "string", len_min = 10, len_max = 500 }. */
    private static String description(LuaValue value) {
        if (value.type() != LuaValue.TSTRING) {
            return "a field's description must be a string";
        }
        int length = value.rawlen();
        return length < 10 || length > 500 ? "a field's description is " + length + " characters long; Kong's "
                + "metaschema wants 10 to 500" : null;
    }

    private void entityChecks(LuaValue checks, String owner) {
        if (checks.isnil() || SandboxEvaluator.isStub(checks)) {
            return;
        }
        if (!FieldValue.isSequence(checks)) {
            error("entity_checks", "'entity_checks' of '" + owner + "' must be an array of checks");
            return;
        }
        for (int i = 1; i <= checks.length(); i++) {
            LuaValue check = checks.get(i);
            if (SandboxEvaluator.isStub(check)) {
                continue;
            }
            if (!check.istable()) {
                error("entity_checks", "each entity check must be a table such as { at_least_one_of = { ... } }");
                continue;
            }
            entityCheck((LuaTable) check);
        }
    }

    private void entityCheck(LuaTable check) {
        int known = 0;
        for (Varargs e = check.next(LuaValue.NIL); !e.arg1().isnil(); e = check.next(e.arg1())) {
            String checker = e.arg1().tojstring();
            ValueKind kind = ENTITY_CHECKERS.get(checker);
            if (kind == null) {
                error(checker, "unknown entity check '" + checker + "' (\"unknown field\"); use one of "
                        + String.join(", ", new TreeSet<>(ENTITY_CHECKERS.keySet())));
                return;
            }
            if (nonEmpty(e.arg(2))) {
                known++;
            }
            String problem = SandboxEvaluator.isStub(e.arg(2)) ? null : valueProblem(kind, e.arg(2));
            if (problem != null) {
                error(checker, "entity check '" + checker + "': " + problem);
            }
        }
        if (known != 1) {
            error("entity_checks", "each entity check must contain exactly one checker, and not an empty one "
                    + "(\"exactly one of these fields must be non-empty\")");
        }
    }

    /** Kong's is_nonempty: an empty table or string counts as absent. */
    private static boolean nonEmpty(LuaValue value) {
        return !(value.istable() && value.next(LuaValue.NIL).arg1().isnil()
                || value.type() == LuaValue.TSTRING && value.rawlen() == 0 || FieldValue.isNull(value));
    }

    private static String where(String parent) {
        return parent.isEmpty() ? "" : " (in '" + parent + "')";
    }

    private void error(String near, String message) {
        SourcePosition at = position(near);
        out.error(Rules.SCHEMA_SHAPE, FILE, at.line(), at.column(), message);
    }

    private SourcePosition position(String near) {
        Watchdog.charge(searchCost + near.length() / 16);
        SourcePosition at = source.findAssignment(near);
        return at.known() ? at : new SourcePosition(fallbackLine, 0);
    }
}
