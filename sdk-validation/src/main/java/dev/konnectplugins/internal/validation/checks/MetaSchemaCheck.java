package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.sandbox.Watchdog;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.internal.validation.schema.KongSchemas;
import dev.konnectplugins.internal.validation.schema.SchemaEngine;
import dev.konnectplugins.internal.validation.schema.SchemaErrors;
import dev.konnectplugins.internal.validation.schema.SchemaHooks;
import dev.konnectplugins.validation.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Kong's checks of a streamed plugin's schema, by Kong's schema engine (package {@code validation.schema}): the
 * upload validates it against {@code MetaSchema.RestrictedMetaSubSchema} (a data file of that package), which also
 * validates every {@code default} against its own field; a node then loads it as a subschema of the plugins entity
 * ({@link PluginsEntityFit}). Each of Kong's per-field errors becomes one finding, located at the field it concerns.
 */
final class MetaSchemaCheck {
    private static final String FILE = SandboxSpec.Kind.SCHEMA.file();
    /** Messages quote the plugin's values: long ones are cut. */
    private static final int MAX_MESSAGE = 500;

    private final Findings out;
    private final String text;
    /** The source's lines, made for the first finding that needs a position: most schemas have none. */
    private SourceText source;
    /** What placing a finding costs: a search of the source for a name the plugin chose. */
    private final long searchCost;
    private final int fallbackLine;
    private final SchemaHooks hooks;

    MetaSchemaCheck(Findings out, String source, int fallbackLine, SchemaHooks hooks) {
        this.out = out;
        this.text = source;
        this.searchCost = 1 + source.length() / 16;
        this.fallbackLine = fallbackLine;
        this.hooks = hooks;
    }

    void check(LuaTable schema) {
        SchemaComplexity.Problem tooComplex = SchemaComplexity.of(schema);
        if (tooComplex != null) {
            error(tooComplex.near(), tooComplex.message());
            return;
        }
        SchemaEngine engine = KongSchemas.engine(hooks);
        SchemaEngine.Outcome upload = engine.validate(KongSchemas.restrictedMetaSchema(), schema);
        for (String chance : engine.warnings()) {
            SourcePosition at = position("default");
            out.warning(Rules.SCHEMA_SHAPE, FILE, at, "a default violates an entity check of its "
                    + "record (\"" + cut(chance) + "\"); Kong runs such a check on a default only in some worker "
                    + "processes (it depends on LuaJIT's per-process hash order), so the upload may be refused");
        }
        if (upload.raised() != null) {
            error("fields", "Kong's metaschema validation fails on this schema (" + cut(upload.raised())
                    + "), so the upload is refused");
            return;
        }
        if (upload.errors() != null) {
            // one finding per place: Kong's errors about the same field are joined
            Map<SourcePosition, List<String>> byPlace = new LinkedHashMap<>();
            for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(upload.errors())) {
                ErrorPlace place = ErrorPlace.of(schema, leaf.path());
                byPlace.computeIfAbsent(position(place.near()), p -> new ArrayList<>())
                        .add(place.describe() + cut(leaf.message()));
            }
            byPlace.forEach((at, messages) -> out.error(Rules.SCHEMA_SHAPE, FILE, at,
                    String.join("; ", messages)));
            return;
        }
        load(schema);
    }

    /** The second stage: a node loading the schema as a subschema of the plugins entity. */
    private void load(LuaTable schema) {
        LuaValue fields = schema.rawget("fields");
        if (SandboxEvaluator.isStub(fields)) {
            return;
        }
        if (!fields.istable()) {
            loadError("fields", "the schema has no 'fields' table: a plugin schema is { name = ..., fields = { { config "
                    + "= { type = \"record\", fields = { ... } } } } }");
            return;
        }
        boolean hasConfig = false;
        for (int i = 1; i <= fields.rawlen(); i++) {
            LuaValue entry = fields.rawget(i);
            if (!entry.istable() || SandboxEvaluator.isStub(entry)) {
                continue;
            }
            LuaValue key = entry.next(LuaValue.NIL).arg1();
            String name = key.tojstring();
            hasConfig |= name.equals("config");
            LuaValue definition = entry.rawget(key);
            String problem = PluginsEntityFit.problem(name, definition);
            if (problem != null) {
                String plugin = schema.rawget("name").optjstring("<plugin>");
                loadError(name, topLevelAdvice(name, problem.replace("'<plugin>'", "'" + plugin + "'")));
            } else {
                recordsDeclareFields(name, definition);
            }
        }
        if (!hasConfig) {
            // The plugins entity's config is abstract and not required, so Kong uploads and loads such a plugin
            // (the Kong oracle agrees), and its instances run with an empty conf.
            SourcePosition at = position("fields");
            out.warning(Rules.SCHEMA_SHAPE, FILE, at, "the schema has no 'config' field, so "
                    + "the plugin takes no configuration (Kong accepts it and passes an empty conf); if it should, "
                    + "add { config = { type = \"record\", fields = { ... } } } to its fields");
        }
    }

    /**
     * Entity.load_and_validate_subschema's make_records_required walks every record among the fields (through
     * records only) and indexes its {@code fields}: a record without them makes the load raise.
     */
    private void recordsDeclareFields(String name, LuaValue definition) {
        if (!definition.istable() || SandboxEvaluator.isStub(definition)
                || !definition.rawget("type").raweq(LuaValue.valueOf("record"))) {
            return;
        }
        LuaValue fields = definition.rawget("fields");
        if (!fields.istable()) {
            loadError(name, "field '" + name + "' of type 'record' must declare 'fields' (a node loading the plugin "
                    + "fails: \"attempt to index field 'fields' (a nil value)\"); write " + name + " = { type = "
                    + "\"record\", fields = { ... } }");
            return;
        }
        for (int i = 1; i <= fields.rawlen(); i++) {
            LuaValue entry = fields.rawget(i);
            if (entry.istable() && !SandboxEvaluator.isStub(entry)) {
                LuaValue key = entry.next(LuaValue.NIL).arg1();
                recordsDeclareFields(key.tojstring(), entry.rawget(key));
            }
        }
    }

    private static String topLevelAdvice(String name, String kong) {
        if (kong.contains("cannot create a new field")) {
            return "'" + name + "' cannot be a top-level field (\"" + kong + "\" when a node loads the plugin): a "
                    + "plugin schema can only specialize the plugins entity's fields (config, protocols, consumer, "
                    + "route, service...); put it inside config";
        }
        if (kong.contains("cannot change type")) {
            return "the top-level field '" + name + "' must keep the plugins entity's type (\"" + kong + "\" when a "
                    + "node loads the plugin)";
        }
        return "the top-level field '" + name + "': \"" + kong + "\" when a node loads the plugin; a foreign field "
                + "references one of Kong's entities (consumers, routes, services, consumer_groups)";
    }

    static String cut(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }

    /** An error only a node loading the plugin meets: Konnect accepts the upload. */
    private void loadError(String near, String message) {
        SourcePosition at = position(near);
        out.add(new Diagnostic(Rules.SCHEMA_SHAPE, Severity.ERROR, Stage.LOAD, FILE, at.line(), at.column(), message));
    }

    private void error(String near, String message) {
        SourcePosition at = position(near);
        out.error(Rules.SCHEMA_SHAPE, FILE, at, message);
    }

    private SourcePosition position(String near) {
        // a search of the plugin's source for a name it chose: one finding per field of a huge schema adds up
        Watchdog.charge(searchCost + (near == null ? 0 : near.length() / 16));
        if (near != null && source == null) {
            source = new SourceText(text);
        }
        SourcePosition at = near == null ? SourcePosition.NONE : source.findAssignment(near);
        return at != null && at.known() ? at : new SourcePosition(fallbackLine, 0);
    }
}
