package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.analysis.ChunkAnalyzer;
import dev.konnectplugins.internal.validation.analysis.ChunkFacts;
import dev.konnectplugins.internal.validation.analysis.SandboxSpec;
import dev.konnectplugins.internal.validation.analysis.SandboxSpec.Kind;
import dev.konnectplugins.internal.validation.eval.Compilation;
import dev.konnectplugins.internal.validation.eval.SandboxEvaluator;
import dev.konnectplugins.internal.validation.lua.LuaDialect;
import dev.konnectplugins.internal.validation.lua.LuaSyntax;
import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.internal.validation.rules.FileAnalysis;
import dev.konnectplugins.internal.validation.rules.HandlerRules;
import dev.konnectplugins.internal.validation.rules.NameRules;
import dev.konnectplugins.internal.validation.rules.SchemaRules;
import dev.konnectplugins.internal.validation.rules.SchemaRules.SchemaName;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import java.util.function.Supplier;

/** Validates one plugin: files, then each Lua file (dialect, AST, sandbox walk, evaluation), then the names. */
public final class PluginCheck {
    private static final int MAX_FAILURE_TEXT = 200;

    private final Findings out = new Findings();
    /** The file being checked, for the diagnostic when the validator itself fails. */
    private volatile String current = "handler.lua";

    /**
     * All diagnostics for a plugin uploaded as {@code name}, in deterministic order. Runs on a large stack. Never
     * throws: when the validator itself fails (a StackOverflowError, an OutOfMemoryError, a bug), the plugin gets a
     * validation.incomplete error, so that it is never passed unchecked.
     */
    public static List<Diagnostic> run(String name, Supplier<PluginFiles> read) {
        PluginCheck check = new PluginCheck();
        PluginFiles files = null;
        try {
            files = read.get();
            PluginFiles found = files;
            return Worker.call(() -> check.check(name, found));
        } catch (RuntimeException | Error e) {
            return check.incomplete(files, e);
        }
    }

    private List<Diagnostic> check(String name, PluginFiles files) {
        files.findings().forEach(out::add);
        FileAnalysis schema = files.schema() == null ? null : analyse(files.schema(), Kind.SCHEMA);
        FileAnalysis handler = files.handler() == null ? null : analyse(files.handler(), Kind.HANDLER);
        current = "schema.lua";
        SchemaName schemaName = schema == null ? new SchemaName(null, 0, 0) : SchemaRules.check(schema, out);
        current = "handler.lua";
        if (handler != null) {
            HandlerRules.check(handler, out);
        }
        current = "schema.lua";
        names(name, schema, schemaName);
        return out.sorted();
    }

    /**
     * The files' findings (if they were read) and the failure, as an error on the file being checked. Not what the
     * analysis found before failing: after an interrupt, the worker may still be adding to {@link #out}.
     */
    private List<Diagnostic> incomplete(PluginFiles files, Throwable failure) {
        Findings found = new Findings();
        if (files != null) {
            files.findings().forEach(found::add);
        }
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        detail = detail.length() > MAX_FAILURE_TEXT ? detail.substring(0, MAX_FAILURE_TEXT) + "..." : detail;
        found.error(Rules.VALIDATION_INCOMPLETE, current, 0, 0, "the validator could not finish checking " + current
                + " (" + failure.getClass().getSimpleName() + detail + "), so the plugin is treated as invalid; "
                + "please report this with the plugin to the SDK's maintainers");
        return found.sorted();
    }

    private FileAnalysis analyse(String text, Kind kind) {
        String file = kind.file();
        current = file;
        PreparedSource prepared = LuaDialect.prepare(text);
        if (prepared.problem() != null) {
            syntaxError(file, prepared.problem().line(), prepared.problem().column(), prepared.problem().message());
            return new FileAnalysis(text, ChunkFacts.NONE, null);
        }
        ChunkFacts facts = ChunkFacts.NONE;
        if (prepared.tooComplex() != null) {
            // luaj's AST parser is quadratic on such an expression: rather than pass a file it did not analyse,
            // the validator refuses it (Kong itself may accept it).
            out.error(Rules.LUA_COMPLEXITY, file, prepared.tooComplex().line(), prepared.tooComplex().column(),
                    "this expression has more than " + LuaDialect.MAX_OPERATOR_RUN + " operators, too many for the "
                    + "validator to analyse, so it cannot check " + file + " against the sandbox; split it (for "
                    + "a long concatenation, collect the parts in a table and use table.concat)");
        } else {
            LuaSyntax.Parsed parsed = LuaSyntax.parse(prepared.code());
            if (parsed.problem() != null) {
                syntaxError(file, parsed.problem().line(), parsed.problem().column(), parsed.problem().message());
                return new FileAnalysis(text, ChunkFacts.NONE, null);
            }
            facts = new ChunkAnalyzer(SandboxSpec.bundled(), kind, prepared, out).analyze(parsed.chunk());
        }
        Compilation compiled = SandboxEvaluator.compile(evaluatedCode(prepared, facts), file);
        if (compiled.problem() != null) {
            // When the static checks found what LuaJIT refuses (too many locals or stack slots), luaj's compiler
            // fails on the same code, with a worse message. Where only luaj's limits are passed (exactly 200 locals),
            // LuaJIT compiles the file: it is not evaluated, and not refused.
            if (!out.hasError(Rules.LUA_SYNTAX, file) && !compiled.beyondEvaluator()) {
                syntaxError(file, compiled.problem().line(), compiled.problem().column(), compiled.problem().message());
            }
            return new FileAnalysis(text, facts, null);
        }
        if (out.hasError(Rules.LUA_SYNTAX, file)) {
            return new FileAnalysis(text, facts, null);
        }
        return new FileAnalysis(text, facts, SandboxEvaluator.evaluate(compiled.prototype(), kind));
    }

    /** The source to run: as LuaJIT compiles it, without the table fields its compiler overrides. */
    private static String evaluatedCode(PreparedSource prepared, ChunkFacts facts) {
        if (facts.overriddenConstants().isEmpty()) {
            return prepared.code();
        }
        String code = new SourceText(prepared.code()).blankTableFields(facts.overriddenConstants());
        return code == null ? prepared.code() : code;
    }

    private void syntaxError(String file, int line, int column, String message) {
        out.error(Rules.LUA_SYNTAX, file, line, column, message + " (" + file
                + " must parse as the LuaJIT dialect Kong runs)");
    }

    private void names(String name, FileAnalysis schema, SchemaName schemaName) {
        boolean sameName = name.equals(schemaName.name());
        NameRules.checkUploadName(name, "schema.lua", sameName ? schemaName.line() : 0,
                sameName ? schemaName.column() : 0, out);
        if (schemaName.name() != null) {
            NameRules.checkMatches(name, schemaName.name(), schemaName.line(), schemaName.column(), out);
        } else if (schema != null && !out.hasAnyError("schema.lua")) {
            out.warning(Rules.NAME_UNRESOLVED, "schema.lua", schemaName.line(), schemaName.column(),
                    "the schema's name could not be determined offline; make sure it is '" + name + "'");
        }
    }
}
