package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.lua.PluginText;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.internal.validation.resolve.TableShape;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceText;
import dev.konnectplugins.internal.validation.resolve.Value;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.validation.Rules;
import org.luaj.vm2.LuaTable;
import java.util.function.Consumer;
import org.luaj.vm2.LuaValue;

/**
 * Rules {@code handler.shape}, {@code handler.priority}, {@code handler.version}, {@code handler.phases} and
 * {@code handler.init-worker} (errors): Kong's checks of handler.lua (kong/db/dao/plugins.lua and the custom_plugins entity): a table with an integer
 * PRIORITY and an "x.y.z" VERSION, no init_worker, not response together with header_filter or body_filter.
 * The evaluated table is the authority; the static walk gives positions, and the verdict when evaluation failed.
 */
public final class HandlerCheck {
    private static final String FILE = Kind.HANDLER.file();
    /**
     * luaj's VM messages for using a value of the wrong type (indexing or calling nil, arithmetic on a table,
     * concatenating or comparing tables, writing to a string...): LuaJIT raises the same errors on the same values.
     */
    private static final java.util.regex.Pattern WRONG_TYPE = java.util.regex.Pattern.compile(
            "^(attempt to (index|call|perform arithmetic|concatenate|compare|get length)|cannot set |table expected "
            + "for set index|index expected, got |table index )");
    /** {@code require("kong.meta").version} in the sandbox: Kong Enterprise 3.10's four-part version. */
    private static final String KONG_META_VERSION = "3.10.0.0";

    private final Findings out;
    private final FileAnalysis file;
    private final TableShape shape;

    private HandlerCheck(Findings out, FileAnalysis file) {
        this.out = out;
        this.file = file;
        this.shape = file.facts().returned();
    }

    /** Checks the plugin's handler, if it has one to read ({@code evaluation()} is null when it did not compile). */
    public static void check(PluginModel plugin, Findings out) {
        if (plugin.handler() != null) {
            new HandlerCheck(out, plugin.handler()).run();
        }
    }

    private void run() {
        Evaluation evaluation = file.evaluation();
        if (evaluation == null || !evaluation.succeeded() || SandboxEvaluator.isStub(evaluation.value())) {
            // Without an evaluated table, judge init_worker by what the file plainly states.
            staticInitWorker();
        }
        if (evaluation == null) {
            return;
        }
        if (evaluation.succeeded()) {
            LuaValue handler = evaluation.value();
            if (SandboxEvaluator.isStub(handler)) {
                // Built by a library the validator only stubs (return tablex.deepcopy(H)): judge what the file states.
                staticFallback();
                return;
            }
            if (!handler.istable()) {
                out.error(Rules.HANDLER_SHAPE, FILE, file.facts().returnAt(),
                        "handler.lua must return a table (the handler with PRIORITY, VERSION and phase methods), but "
                                + "it returns " + describe(handler) + "; end the file with `return MyHandler`");
                return;
            }
            evaluated((LuaTable) handler);
        } else {
            evaluationFailed(evaluation);
            staticFallback();
        }
    }

    private void evaluated(LuaTable handler) {
        if (extraReturn()) {
            return;
        }
        TableShape.Field statedPriority = shape == null ? null : shape.field("PRIORITY");
        if (statedPriority != null && statedPriority.value() instanceof Value.Cdata cdata) {
            out.error(Rules.HANDLER_PRIORITY, FILE, statedPriority.at(), "PRIORITY must be "
                    + "a Lua number, but " + cdata.literal().strip() + " with an LL/ULL/i suffix is an FFI cdata in "
                    + "LuaJIT (\"PRIORITY field is not a valid integer number\"); drop the suffix");
        } else {
            priority(numericStringAsStated(statedPriority, handler.rawget("PRIORITY")));
        }
        version(handler.rawget("VERSION"));
        // Kong's Plugins.implements(handler, "init_worker"): type(handler.init_worker) == "function".
        if (handler.rawget("init_worker").isfunction() && !out.hasError(Rules.HANDLER_INIT_WORKER, FILE)) {
            SourcePosition at = position("init_worker");
            out.error(Rules.HANDLER_INIT_WORKER, FILE, at, initWorkerMessage());
        }
        if (handler.rawget("response").isfunction()
                && (handler.rawget("header_filter").isfunction() || handler.rawget("body_filter").isfunction())) {
            phasesConflict();
        }
    }

    /**
     * luaj turns a numeric string stored into a table slot that held a number into that number ({@code H.PRIORITY =
     * "1"} after {@code { PRIORITY = 1000 }} reads back as 1); LuaJIT keeps the string. When the source states a
     * string literal that luaj returned as the equal number, judge the string.
     */
    private static LuaValue numericStringAsStated(TableShape.Field stated, LuaValue evaluated) {
        if (stated != null && stated.value() instanceof Value.Str s && evaluated.type() == LuaValue.TNUMBER
                && LuaValue.valueOf(s.value()).tonumber().raweq(evaluated)) {
            return LuaValue.valueOf(s.value());
        }
        return evaluated;
    }

    private void priority(LuaValue priority) {
        SourcePosition at = position("PRIORITY");
        if (SandboxEvaluator.isStub(priority)) {
            return;
        }
        if (priority.isnil()) {
            out.error(Rules.HANDLER_PRIORITY, FILE, at, "the handler has no PRIORITY; add an integer, "
                    + "e.g. PRIORITY = 1000 (higher runs first)");
        } else if (priority.type() != LuaValue.TNUMBER || !isInteger(priority.todouble())) {
            out.error(Rules.HANDLER_PRIORITY, FILE, at, "PRIORITY must be an integer number, got "
                    + describe(priority) + "; e.g. PRIORITY = 1000");
        }
    }

    private void version(LuaValue version) {
        SourcePosition at = position("VERSION");
        if (SandboxEvaluator.isStub(version)) {
            return;
        }
        if (version.isnil()) {
            out.error(Rules.HANDLER_VERSION, FILE, at, "the handler has no VERSION; add one in \"x.y.z\" "
                    + "form, e.g. VERSION = \"1.0.0\"");
        } else if (version.type() != LuaValue.TSTRING || KongVersion.clean(version.tojstring()) == null) {
            out.error(Rules.HANDLER_VERSION, FILE, at, "VERSION must be a string in \"x.y.z\" form (at "
                    + "most three numbers), got " + describe(version) + "; e.g. VERSION = \"1.0.0\""
                    + (version.tojstring().equals(KONG_META_VERSION) ? ". On Konnect's gateways (Kong Enterprise) "
                    + "kong.meta.version has four parts; give the plugin its own version, or use "
                    + "kong.meta.core_version" : ""));
        }
    }

    /**
     * Kong's validate_module: {@code local ok, module, err = pcall(compiled)}, then {@code if err then} "load
     * failure (err)". A constant second return value is such an error.
     */
    private boolean extraReturn() {
        Value extra = file.facts().extraReturn();
        if (extra == null) {
            return false;
        }
        out.error(Rules.HANDLER_SHAPE, FILE, file.facts().returnAt(), "handler.lua "
                + "returns a second value, which Kong takes as an error message and refuses the upload (\"handler "
                + "load failure\"); return only the handler table");
        return true;
    }

    private void evaluationFailed(Evaluation evaluation) {
        // Kong names the top-level failure whatever else is wrong (its validate_module runs first), so it is
        // reported with the other findings, unless one on its line already names it. An error found in phase code
        // (a run-time one) does not explain why the top level failed.
        if (!evaluation.exhausted() && raisedByTheFile(evaluation) && !out.hasUploadErrorAt(FILE, evaluation.line())) {
            out.error(Rules.HANDLER_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()),
                    "the top level of handler.lua fails ("
                    + evaluation.failure() + "), so Kong refuses the upload (\"handler load failure\"); the top "
                    + "level runs when the plugin is uploaded and loaded: raise errors only inside phase functions");
            return;
        }
        if (evaluation.exhausted()) {
            out.error(Rules.HANDLER_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()), "the top level of handler.lua " + evaluation.failure()
                    + "; Kong runs the top level when the plugin is uploaded and loaded, so it must finish quickly");
        } else if (!out.hasUploadError(FILE)) {
            out.warning(Rules.HANDLER_SHAPE, FILE, SourcePosition.ofLine(evaluation.line()), "the top level could not be evaluated "
                    + "offline (" + evaluation.failure() + "); PRIORITY and VERSION were checked statically only");
        }
    }

    /**
     * Whether the failure is the file's own doing: an {@code error}/{@code assert} its main chunk calls on that line,
     * or, in a run that consulted no stand-in, a type error (indexing nil or ngx.null, calling a number, arithmetic
     * on a table...) or an error a string or table function raises as LuaJIT's does. (Other failures may come from
     * where luaj's libraries differ from LuaJIT's: warnings.)
     */
    private boolean raisedByTheFile(Evaluation evaluation) {
        return evaluation.line() > 0 && (file.facts().raiseLines().contains(evaluation.line())
                || evaluation.exact() && (WRONG_TYPE.matcher(evaluation.failure()).find()
                        || evaluation.raisedByLibrary()));
    }

    /** Without an evaluated table: judge only what the file states plainly. */
    private void staticFallback() {
        if (shape == null) {
            return;
        }
        if (extraReturn()) {
            return;
        }
        checkStatic(shape.field("PRIORITY"), this::priority);
        checkStatic(shape.field("VERSION"), this::version);
        TableShape.Field response = shape.field("response");
        if (response != null && response.value() instanceof Value.Function
                && (isFunction(shape.field("header_filter")) || isFunction(shape.field("body_filter")))) {
            phasesConflict();
        }
    }

    /**
     * Checks a field read from the source without running it: a literal number or string is judged as Kong would,
     * a missing field only when the table is fully known, anything computed not at all.
     */
    private void checkStatic(TableShape.Field field, Consumer<LuaValue> check) {
        if (field == null) {
            if (shape.complete()) {
                check.accept(LuaValue.NIL);
            }
        } else if (field.value() instanceof Value.Num n) {
            check.accept(LuaValue.valueOf(n.value()));
        } else if (field.value() instanceof Value.Str s) {
            check.accept(LuaValue.valueOf(s.value()));
        }
    }

    private void staticInitWorker() {
        TableShape.Field initWorker = shape == null ? null : shape.field("init_worker");
        if (initWorker != null && !(initWorker.value() instanceof Value.Str)
                && !(initWorker.value() instanceof Value.Num)) {
            out.error(Rules.HANDLER_INIT_WORKER, FILE, initWorker.at(), initWorkerMessage());
        }
    }

    private void phasesConflict() {
        SourcePosition at = position("response");
        out.error(Rules.HANDLER_PHASES, FILE, at, "the handler implements both response and "
                + "header_filter/body_filter, which Kong refuses; use response alone (it sees the whole response) or "
                + "only header_filter/body_filter");
    }

    private static String initWorkerMessage() {
        return "the handler defines init_worker, which streamed plugins cannot implement (\"implementing init_worker "
                + "method is not allowed\"); move that setup into configure or do it lazily in a request phase";
    }

    private SourcePosition position(String field) {
        TableShape.Field f = shape == null ? null : shape.field(field);
        if (f != null) {
            return f.at();
        }
        SourcePosition found = new SourceText(file.source()).findAssignment(field);
        return found.known() ? found : file.facts().returnAt();
    }

    private static boolean isFunction(TableShape.Field field) {
        return field != null && field.value() instanceof Value.Function;
    }

    private static boolean isInteger(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d) && Math.floor(d) == d;
    }

    static String describe(LuaValue value) {
        return switch (value.type()) {
            case LuaValue.TNIL -> "nil";
            case LuaValue.TSTRING -> "the string \"" + PluginText.quote(value.tojstring()) + "\"";
            case LuaValue.TNUMBER -> "the number " + value.tojstring();
            default -> "a " + value.typename();
        };
    }
}
