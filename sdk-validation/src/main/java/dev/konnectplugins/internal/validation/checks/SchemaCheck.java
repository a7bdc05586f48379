package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.internal.validation.resolve.TableShape;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.validation.Rules;
import org.luaj.vm2.LuaTable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaValue;

/**
 * Rule {@code schema.shape} (error, at upload or load): Kong's checks of schema.lua, that it returns a table with a
 * string name and passes the metaschema ({@link MetaSchemaCheck}). Returns the schema's name (evaluated, else read
 * statically) for the name rules.
 */
public final class SchemaCheck {
    private static final String FILE = Kind.SCHEMA.file();
    private static final Pattern TYPEDEF_ERROR =
            Pattern.compile("schema typedef error: definition (\\S+) does not exist");

    /** The schema's name and where it is written; {@code name} is null when unknown. */
    public record SchemaName(String name, SourcePosition at) {
    }

    /** Checks the plugin's schema, if it has one to read, and returns its name as far as it can be determined. */
    public static SchemaName check(PluginModel plugin, Findings out) {
        return plugin.schema() == null ? new SchemaName(null, SourcePosition.NONE) : check(plugin.schema(), out);
    }

    /** Checks schema.lua and returns its name as far as it can be determined. */
    public static SchemaName check(FileAnalysis file, Findings out) {
        Evaluation evaluation = file.evaluation();
        SchemaName stated = staticName(file);
        if (evaluation == null) {
            return stated;
        }
        if (!evaluation.succeeded()) {
            failed(file, evaluation, out);
            staticShape(file, out);
            return stated;
        }
        LuaValue schema = evaluation.value();
        if (SandboxEvaluator.isStub(schema)) {
            return stated;
        }
        if (!schema.istable()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, file.facts().returnAt(),
                    "schema.lua must return a table (the schema), but it returns " + HandlerCheck.describe(schema)
                            + "; end the file with `return schema`");
            return new SchemaName(null, SourcePosition.NONE);
        }
        LuaValue name = schema.rawget("name");
        new MetaSchemaCheck(out, file.source(), file.facts().returnAt().line(), new BudgetedSchemaHooks()).check((LuaTable) schema);
        if (SandboxEvaluator.isStub(name)) {
            return new SchemaName(null, stated.at());
        }
        if (name.type() != LuaValue.TSTRING) {
            SourcePosition at = stated.at().line() > 0 ? stated.at() : file.facts().returnAt();
            out.error(Rules.SCHEMA_SHAPE, FILE, at, name.isnil()
                    ? "the schema has no name; add name = \"<plugin name>\" (the same as the upload name)"
                    : "the schema's name must be a string, got " + HandlerCheck.describe(name));
            return new SchemaName(null, SourcePosition.NONE);
        }
        return new SchemaName(name.tojstring(), stated.at());
    }

    private static void failed(FileAnalysis file, Evaluation evaluation, Findings out) {
        String failure = evaluation.failure();
        Matcher typedef = TYPEDEF_ERROR.matcher(failure);
        if (typedef.find()) {
            // Deterministic: Kong's typedefs module raises this for a name it does not define
            // (kong/db/schema/typedefs.lua: setmetatable(typedefs, { __index = ... error(...) })).
            SourcePosition at = new SourceText(file.source()).findMember(typedef.group(1));
            out.error(Rules.SCHEMA_SHAPE, FILE, at, "'typedefs." + typedef.group(1) + "' does not exist in "
                    + "Kong 3.x, so loading schema.lua fails (\"schema typedef error: definition " + typedef.group(1)
                    + " does not exist\") and Kong refuses the upload; use a typedef Kong defines (header_name, "
                    + "protocols_http, url, port, host, timeout...) or write the field out, e.g. { type = \"string\" }"
                    + (typedef.group(1).startsWith("run_on") ? "; run_on was removed in Kong 3.0, drop the field" : ""));
        } else if (evaluation.exhausted()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()), "the top level of schema.lua " + failure
                    + "; Kong runs it when the plugin is uploaded, so it must finish quickly");
        } else if (out.hasUploadErrorAt(FILE, evaluation.line())) {
            return; // already named by a finding on the failing line
        } else if (evaluation.exact()) {
            // schema.lua's sandbox has only Lua's basic functions, all reproduced here: when nothing stubbed was
            // required, this failure is the one Kong's upload would hit ("schema load failure").
            out.error(Rules.SCHEMA_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()), "the top level of schema.lua fails in Kong's "
                    + "schema sandbox (" + failure + "), so Kong refuses the upload (\"schema load failure\")"
                    + (new SourceText(file.source()).line(evaluation.line()).contains("...") ? "; Kong runs schema.lua with no arguments, so `...` is empty "
                    + "(the module name is not passed): write the plugin's name as a string literal" : ""));
        } else if (!out.hasUploadError(FILE)) {
            out.warning(Rules.SCHEMA_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()),
                    "the top level could not be evaluated "
                    + "offline (" + failure + "); the schema was checked statically only");
        }
    }

    /**
     * When the top level fails early (a refused require on line 1), what the file plainly states is still checked,
     * so that a second defect is not found only after the first is fixed: a returned table without a name, and
     * the pre-1.0 map form of {@code fields}.
     */
    private static void staticShape(FileAnalysis file, Findings out) {
        TableShape shape = file.facts().returned();
        if (shape == null) {
            return;
        }
        if (shape.field("name") == null && shape.complete()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, file.facts().returnAt(), "the schema has "
                    + "no name (\"schema validation error (missing name)\" once the error above is fixed); add name = "
                    + "\"<plugin name>\" (the same as the upload name)");
        }
        TableShape.Field fields = shape.field("fields");
        if (fields != null && fields.value() instanceof Value.Table table && table.shape().hasNamedFields()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, fields.at(), "'fields' is a map, but Kong (1.0 and "
                    + "later) wants an array of single-key tables, e.g. fields = { { config = { type = \"record\", "
                    + "fields = { ... } } } }");
        }
    }

    private static SchemaName staticName(FileAnalysis file) {
        TableShape shape = file.facts().returned();
        TableShape.Field name = shape == null ? null : shape.field("name");
        if (name == null) {
            return new SchemaName(null, SourcePosition.NONE);
        }
        String value = name.value() instanceof Value.Str s ? s.value() : null;
        return new SchemaName(value, name.at());
    }

    private SchemaCheck() {
    }
}
