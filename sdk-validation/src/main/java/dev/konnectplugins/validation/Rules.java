package dev.konnectplugins.validation;

import dev.konnectplugins.Stage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable ids of the rules {@link PluginValidator} checks, as found in {@link dev.konnectplugins.Diagnostic#rule()}.
 * The module's README documents each one with a failing example and the fix.
 */
public final class Rules {
    /** No handler.lua or no schema.lua. */
    public static final String FILES_MISSING = "files.missing";
    /** A file Kong would load from the plugin folder that streaming cannot carry (extra modules, daos.lua, ...). */
    public static final String FILES_UNSUPPORTED = "files.unsupported";
    /** A file over the per-file size limit (100 KB by default). */
    public static final String FILES_SIZE = "files.size";
    /** handler.lua or schema.lua is not a regular file inside the plugin folder, or cannot be read. */
    public static final String FILES_UNREADABLE = "files.unreadable";
    /** A file that is not valid UTF-8 text. */
    public static final String FILES_ENCODING = "files.encoding";
    /** A file that does not parse as the LuaJIT dialect Kong runs. */
    public static final String LUA_SYNTAX = "lua.syntax";
    /** An expression too long for the validator to analyse, so the sandbox checks cannot vouch for the file. */
    public static final String LUA_COMPLEXITY = "lua.complexity";
    /** The upload name differs from the name schema.lua returns. */
    public static final String NAME_MISMATCH = "name.mismatch";
    /** The upload name does not match {@code ^[a-z][a-z0-9-]*[a-z0-9]$}. */
    public static final String NAME_FORMAT = "name.format";
    /** The upload name is the name of a bundled, Enterprise or AI-gateway Kong plugin. */
    public static final String NAME_RESERVED = "name.reserved";
    /** Warning: the schema's name could not be determined. */
    public static final String NAME_UNRESOLVED = "name.unresolved";
    /** handler.lua does not return a table, or its top level fails. */
    public static final String HANDLER_SHAPE = "handler.shape";
    /** schema.lua does not return a table Kong's metaschema accepts. */
    public static final String SCHEMA_SHAPE = "schema.shape";
    /** The handler's PRIORITY is not an integer. */
    public static final String HANDLER_PRIORITY = "handler.priority";
    /** The handler's VERSION is not accepted by Kong's version parse. */
    public static final String HANDLER_VERSION = "handler.version";
    /** The handler implements {@code response} and {@code header_filter} or {@code body_filter}. */
    public static final String HANDLER_PHASES = "handler.phases";
    /** The handler defines {@code init_worker}. */
    public static final String HANDLER_INIT_WORKER = "handler.init-worker";
    /** The code creates a timer, which the sandbox cannot do. */
    public static final String SANDBOX_TIMER = "sandbox.timer";
    /** The code reaches a global or a field the sandbox does not provide, or writes to a protected one. */
    public static final String SANDBOX_GLOBAL = "sandbox.global";
    /** The code requires a module outside the sandbox's allowlist. */
    public static final String SANDBOX_REQUIRE = "sandbox.require";
    /** The validator failed while checking the plugin, which is therefore treated as invalid. */
    public static final String VALIDATION_INCOMPLETE = "validation.incomplete";
    /** The plugin made the validator run past one of its limits of work, memory or wall-clock time. */
    public static final String VALIDATION_LIMIT = "validation.limit";

    /** Every rule id with a one-line description, in documentation order. */
    public static final List<Rule> ALL = List.of(
            new Rule(FILES_MISSING, "handler.lua and schema.lua must both exist", List.of(Stage.UPLOAD)),
            new Rule(FILES_UNSUPPORTED, "streaming uploads only handler.lua and schema.lua", List.of(Stage.RUNTIME)),
            new Rule(FILES_SIZE, "each file must fit Konnect's per-file limit", List.of(Stage.UPLOAD)),
            new Rule(FILES_UNREADABLE, "the plugin files must be readable regular files inside its folder", List.of(Stage.UPLOAD)),
            new Rule(FILES_ENCODING, "files must be UTF-8 text", List.of(Stage.UPLOAD)),
            new Rule(LUA_SYNTAX, "the code must parse as Kong's LuaJIT dialect", List.of(Stage.UPLOAD)),
            new Rule(LUA_COMPLEXITY, "every expression must be short enough to be analysed (at most 400 operators)", List.of(Stage.UPLOAD)),
            new Rule(NAME_MISMATCH, "the upload name must equal the schema's name", List.of(Stage.UPLOAD)),
            new Rule(NAME_FORMAT, "the name must match ^[a-z][a-z0-9-]*[a-z0-9]$", List.of(Stage.UPLOAD)),
            new Rule(NAME_RESERVED, "the name must not be a Kong plugin's name", List.of(Stage.UPLOAD)),
            new Rule(NAME_UNRESOLVED, "the schema's name could not be determined", List.of(Stage.UPLOAD)),
            new Rule(HANDLER_SHAPE, "handler.lua must load and return a table", List.of(Stage.UPLOAD)),
            new Rule(SCHEMA_SHAPE, "schema.lua must return a schema Kong's metaschema accepts", List.of(Stage.UPLOAD, Stage.LOAD)),
            new Rule(HANDLER_PRIORITY, "PRIORITY must be an integer", List.of(Stage.UPLOAD)),
            new Rule(HANDLER_VERSION, "VERSION must be an \"x.y.z\" string", List.of(Stage.UPLOAD)),
            new Rule(HANDLER_PHASES, "a handler cannot implement response together with header_filter or body_filter", List.of(Stage.UPLOAD)),
            new Rule(HANDLER_INIT_WORKER, "a streamed handler cannot define init_worker", List.of(Stage.UPLOAD)),
            new Rule(SANDBOX_TIMER, "the sandbox cannot create timers", List.of(Stage.RUNTIME, Stage.UPLOAD)),
            new Rule(SANDBOX_GLOBAL, "only the sandbox's globals and fields exist, and they are read-only", List.of(Stage.RUNTIME, Stage.UPLOAD)),
            new Rule(SANDBOX_REQUIRE, "only allowlisted modules can be required", List.of(Stage.RUNTIME, Stage.UPLOAD)),
            new Rule(VALIDATION_INCOMPLETE, "the validator must be able to finish checking the plugin", List.of(Stage.UPLOAD)),
            new Rule(VALIDATION_LIMIT, "checking the plugin must fit the validator's limits of work, memory and time",
                    List.of(Stage.UPLOAD)));

    /** Each rule by its id. */
    private static final Map<String, Rule> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

    /**
     * A rule id, what it checks, and where Kong would fail a plugin that breaks it.
     *
     * @param id      the stable id, such as {@code sandbox.timer}
     * @param summary what the rule checks, in one line
     * @param stages  the stages its findings can have, the usual one first: the sandbox rules are {@link
     *                Stage#UPLOAD} when the code runs at the top level (Kong runs it on upload) and {@link
     *                Stage#RUNTIME} in phase code; schema.shape is {@link Stage#LOAD} for what only loading the
     *                schema on a data plane refuses
     */
    public record Rule(String id, String summary, List<Stage> stages) {
        /**
         * Checks that no component is null and keeps an immutable copy of the stages.
         *
         * @param id      the stable id
         * @param summary what the rule checks
         * @param stages  the stages its findings can have, at least one, the usual one first
         */
        public Rule {
            stages = List.copyOf(stages);
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a rule needs at least one stage: " + id);
            }
        }
    }

    /**
     * The usual stage of a rule's findings: the first of its {@link Rule#stages()}.
     *
     * @param ruleId a rule id, such as {@code handler.init-worker}
     * @return the stage; {@link Stage#UPLOAD} for an id that is not one of {@link #ALL}
     */
    public static Stage usualStage(String ruleId) {
        Rule rule = BY_ID.get(ruleId);
        return rule == null ? Stage.UPLOAD : rule.stages().get(0);
    }

    private Rules() {
    }
}
