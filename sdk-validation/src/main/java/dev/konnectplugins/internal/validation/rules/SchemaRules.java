package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.analysis.TableShape;
import dev.konnectplugins.internal.validation.analysis.Value;
import dev.konnectplugins.internal.validation.eval.Evaluation;
import dev.konnectplugins.internal.validation.eval.SandboxEvaluator;
import dev.konnectplugins.validation.Rules;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Kong's checks of schema.lua: it returns a table with a string name and passes the metaschema. Returns the
 * schema's name (evaluated, else read statically) for the name rules.
 */
public final class SchemaRules {
    private static final String FILE = "schema.lua";

    /** The schema's name and where it is written; {@code name} is null when unknown. */
    public record SchemaName(String name, int line, int column) {
    }

    /** Checks the schema and returns its name as far as it can be determined. */
    public static SchemaName check(FileAnalysis file, Findings out) {
        Evaluation evaluation = file.evaluation();
        SchemaName stated = staticName(file);
        if (evaluation == null) {
            return stated;
        }
        if (!evaluation.succeeded()) {
            failed(evaluation, out);
            return stated;
        }
        LuaValue schema = evaluation.value();
        if (SandboxEvaluator.isStub(schema)) {
            return stated;
        }
        if (!schema.istable()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, file.facts().returnLine(), file.facts().returnColumn(),
                    "schema.lua must return a table (the schema), but it returns " + HandlerRules.describe(schema)
                            + "; end the file with `return schema`");
            return new SchemaName(null, 0, 0);
        }
        LuaValue name = schema.rawget("name");
        new MetaSchema(out, file.source(), file.facts().returnLine()).check((LuaTable) schema);
        if (SandboxEvaluator.isStub(name)) {
            return new SchemaName(null, stated.line(), stated.column());
        }
        if (name.type() != LuaValue.TSTRING) {
            int[] at = stated.line() > 0 ? new int[] {stated.line(), stated.column()}
                    : new int[] {file.facts().returnLine(), file.facts().returnColumn()};
            out.error(Rules.SCHEMA_SHAPE, FILE, at[0], at[1], name.isnil()
                    ? "the schema has no name; add name = \"<plugin name>\" (the same as the upload name)"
                    : "the schema's name must be a string, got " + HandlerRules.describe(name));
            return new SchemaName(null, 0, 0);
        }
        return new SchemaName(name.tojstring(), stated.line(), stated.column());
    }

    private static void failed(Evaluation evaluation, Findings out) {
        if (evaluation.exhausted()) {
            out.error(Rules.SCHEMA_SHAPE, FILE, evaluation.line(), 0, "the top level of schema.lua " + evaluation.failure()
                    + "; Kong runs it when the plugin is uploaded, so it must finish quickly");
        } else if (!out.hasAnyError(FILE)) {
            out.warning(Rules.SCHEMA_SHAPE, FILE, evaluation.line(), 0, "the top level could not be evaluated "
                    + "offline (" + evaluation.failure() + "); the schema was checked statically only");
        }
    }

    private static SchemaName staticName(FileAnalysis file) {
        TableShape shape = file.facts().returned();
        TableShape.Field name = shape == null ? null : shape.field("name");
        if (name == null) {
            return new SchemaName(null, 0, 0);
        }
        String value = name.value() instanceof Value.Str s ? s.value() : null;
        return new SchemaName(value, name.line(), name.column());
    }

    private SchemaRules() {
    }
}
