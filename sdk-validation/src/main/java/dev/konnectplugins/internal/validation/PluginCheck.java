package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.checks.FileAnalysis;
import dev.konnectplugins.internal.validation.checks.FileChecks;
import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.checks.HandlerCheck;
import dev.konnectplugins.internal.validation.checks.NameCheck;
import dev.konnectplugins.internal.validation.checks.PluginModel;
import dev.konnectplugins.internal.validation.checks.SchemaCheck;
import dev.konnectplugins.internal.validation.checks.SchemaCheck.SchemaName;
import dev.konnectplugins.internal.validation.checks.SyntaxCheck;
import dev.konnectplugins.internal.validation.lua.LuaDialect;
import dev.konnectplugins.internal.validation.lua.LuaSyntax;
import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Resolver;
import dev.konnectplugins.internal.validation.sandbox.Compilation;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;
import dev.konnectplugins.internal.validation.sandbox.LimitExceeded;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validates one plugin through the pipeline: the files; each Lua file through the dialect ({@code lua}), the
 * resolver ({@code resolve}), the file checks and the sandboxed evaluation ({@code sandbox}); then the plugin-wide
 * checks ({@code checks}) on the plugin's model.
 */
public final class PluginCheck {
    private static final int MAX_FAILURE_TEXT = 200;

    private final Findings out = new Findings();
    /** The file being checked, for the diagnostic when the validator itself fails. */
    private volatile String current = "handler.lua";
    /** What was learned about each file, for Kong's wording of a refusal; null until (unless) analysed. */
    private volatile FileAnalysis handlerAnalysis;
    private volatile FileAnalysis schemaAnalysis;

    /**
     * The findings, and what Konnect answers to the upload: Kong's message per refused field of the custom_plugins
     * entity ({@code name}, {@code schema}, {@code handler}), empty exactly when no finding is an upload-stage error.
     */
    public record Outcome(List<Diagnostic> diagnostics, Map<String, String> refusals) {
    }

    /**
     * The name schema.lua gives its plugin, as Kong reads it (the file's top level run in the schema sandbox, else
     * what the file plainly states), or null when it cannot be told. Never throws.
     */
    public static String schemaName(String schema) {
        PluginCheck check = new PluginCheck();
        try {
            return Worker.call(() -> SchemaCheck.check(check.analyse(schema, Kind.SCHEMA), check.out).name());
        } catch (RuntimeException | Error e) {
            return null;
        }
    }

    /** {@link #run}, with Konnect's answer to the upload. */
    public static Outcome runUpload(String name, Supplier<PluginFiles> read) {
        PluginCheck check = new PluginCheck();
        List<Diagnostic> diagnostics = check.runChecked(name, read);
        return new Outcome(diagnostics, KongAnswer.of(name, diagnostics, check.handlerAnalysis, check.schemaAnalysis));
    }

    /**
     * All diagnostics for a plugin uploaded as {@code name}, in deterministic order. Runs on a large stack. Never
     * throws: when the validator itself fails (a StackOverflowError, an OutOfMemoryError, a bug), the plugin gets a
     * validation.incomplete error, so that it is never passed unchecked.
     */
    public static List<Diagnostic> run(String name, Supplier<PluginFiles> read) {
        return new PluginCheck().runChecked(name, read);
    }

    private List<Diagnostic> runChecked(String name, Supplier<PluginFiles> read) {
        PluginFiles files = null;
        try {
            files = read.get();
            PluginFiles found = files;
            return Worker.call(() -> check(name, found));
        } catch (LimitExceeded e) {
            return stopped(files, e);
        } catch (RuntimeException | Error e) {
            return incomplete(files, e);
        }
    }

    private List<Diagnostic> check(String name, PluginFiles files) {
        files.findings().forEach(out::add);
        FileAnalysis schema = files.schema() == null ? null : analyse(files.schema(), Kind.SCHEMA);
        FileAnalysis handler = files.handler() == null ? null : analyse(files.handler(), Kind.HANDLER);
        schemaAnalysis = schema;
        handlerAnalysis = handler;
        PluginModel plugin = new PluginModel(name, schema, handler);
        current = "schema.lua";
        SchemaName schemaName = SchemaCheck.check(plugin, out);
        current = "handler.lua";
        HandlerCheck.check(plugin, out);
        current = "schema.lua";
        NameCheck.check(plugin, schemaName, out);
        ranToTheEnd(schema, "schema.lua");
        ranToTheEnd(handler, "handler.lua");
        return out.sorted();
    }

    /**
     * A file whose top level ran to its end in the sandbox, consulting nothing the validator only stubs, did not fail
     * at upload on reading a member the sandbox lacks.
     */
    private void ranToTheEnd(FileAnalysis analysis, String file) {
        Evaluation evaluation = analysis == null ? null : analysis.evaluation();
        if (evaluation != null && evaluation.succeeded() && evaluation.exact()) {
            out.absentMemberReadsRunLater(file);
        }
    }

    /**
     * The files' findings and a validation.limit error naming the limit: a rule check ran out of its budget, or the
     * watchdog abandoned the validation at its deadline.
     */
    private List<Diagnostic> stopped(PluginFiles files, LimitExceeded limit) {
        Findings found = new Findings();
        if (files != null) {
            files.findings().forEach(found::add);
        }
        found.error(Rules.VALIDATION_LIMIT, current, SourcePosition.NONE, "checking " + current + " "
                + limit.getMessage()
                + ", so the validator stopped and the plugin is treated as invalid; simplify what the file computes "
                + "(long lists, patterns that backtrack, huge strings)");
        return found.sorted();
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
        found.error(Rules.VALIDATION_INCOMPLETE, current, SourcePosition.NONE, "the validator could not finish "
                + "checking " + current
                + " (" + failure.getClass().getSimpleName() + detail + "), so the plugin is treated as invalid; "
                + "please report this with the plugin to the SDK's maintainers");
        return found.sorted();
    }

    /** Reads one file through the pipeline: dialect, parse, resolve, the file checks, then evaluation. */
    private FileAnalysis analyse(String text, Kind kind) {
        String file = kind.file();
        current = file;
        PreparedSource prepared = LuaDialect.prepare(text);
        if (prepared.problem() != null) {
            SyntaxCheck.problem(file, prepared.problem(), out);
            return new FileAnalysis(text, Resolution.NONE, null);
        }
        Resolution resolution = Resolution.NONE;
        if (prepared.tooComplex() != null) {
            SyntaxCheck.tooComplex(file, prepared.tooComplex(), LuaDialect.MAX_OPERATOR_RUN, out);
        } else {
            LuaSyntax.Parsed parsed = LuaSyntax.parse(prepared.code());
            if (parsed.problem() != null) {
                SyntaxCheck.problem(file, parsed.problem(), out);
                return new FileAnalysis(text, Resolution.NONE, null);
            }
            SandboxSpec spec = SandboxSpec.bundled();
            resolution = Resolver.resolve(parsed.chunk(), prepared, FileChecks.environment(spec, kind));
            FileChecks.run(resolution, spec, kind, out);
        }
        Compilation compiled = SandboxEvaluator.compile(evaluatedCode(prepared, resolution.facts()), file);
        if (compiled.problem() != null) {
            // When the static checks found what LuaJIT refuses (too many locals or stack slots), luaj's compiler
            // fails on the same code, with a worse message. Where only luaj's limits are passed (exactly 200 locals),
            // LuaJIT compiles the file: it is not evaluated, and not refused.
            if (!out.hasError(Rules.LUA_SYNTAX, file) && !compiled.beyondEvaluator()) {
                SyntaxCheck.problem(file, compiled.problem(), out);
            }
            return new FileAnalysis(text, resolution, null);
        }
        if (out.hasError(Rules.LUA_SYNTAX, file)) {
            return new FileAnalysis(text, resolution, null);
        }
        return new FileAnalysis(text, resolution, SandboxEvaluator.evaluate(compiled.prototype(), kind));
    }

    /** The source to run: as LuaJIT compiles it, without the table fields its compiler overrides. */
    private static String evaluatedCode(PreparedSource prepared, ChunkFacts facts) {
        if (facts.overriddenConstants().isEmpty()) {
            return prepared.code();
        }
        String code = new SourceText(prepared.code()).blankTableFields(facts.overriddenConstants());
        return code == null ? prepared.code() : code;
    }
}
