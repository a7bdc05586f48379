package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.checks.FileAnalysis;
import dev.konnectplugins.internal.validation.checks.NameCheck;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luaj.vm2.LuaValue;

/**
 * What Konnect answers to an upload with these findings: per field of the {@code custom_plugins} entity, the one
 * message Kong gives, worded as Kong/kong f6b4167a {@code kong/db/schema/entities/custom_plugins.lua} words it. Kong's
 * validator for a field stops at its first failure, in this order: compilation, loading (the top level runs in the
 * sandbox), the returned type, then the handler's PRIORITY, VERSION, response with filters and init_worker, or the
 * schema's name and metaschema. The entity check (name = schema.name) runs only when both fields passed. The verdict
 * is the validator's: a field is refused exactly when an error of stage {@link Stage#UPLOAD} concerns it.
 */
final class KongAnswer {
    static final String NAME = "name";
    static final String HANDLER = "handler";
    static final String SCHEMA = "schema";

    private final String uploadName;
    private final List<Diagnostic> refused;

    private KongAnswer(String uploadName, List<Diagnostic> diagnostics) {
        this.uploadName = uploadName;
        this.refused = diagnostics.stream().filter(d -> d.isError() && d.stage() == Stage.UPLOAD).toList();
    }

    /**
     * Kong's message per refused field ({@code name}, {@code schema}, {@code handler}), empty when Konnect accepts the
     * upload; the analyses are null when a file did not get that far.
     */
    static Map<String, String> of(String uploadName, List<Diagnostic> diagnostics, FileAnalysis handler,
                                  FileAnalysis schema) {
        return new KongAnswer(uploadName, diagnostics).fields(handler, schema);
    }

    private Map<String, String> fields(FileAnalysis handler, FileAnalysis schema) {
        Optional<String> name = nameField();
        Optional<String> schemaField = fileField(SCHEMA, "schema.lua", schema);
        if (name.isEmpty() && schemaField.isEmpty() && first(Rules.NAME_MISMATCH, "schema.lua").isPresent()) {
            // Kong's entity check, which runs when both its fields passed; Konnect reports it on the name.
            name = Optional.of("name must be equal to schema.name");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        name.ifPresent(message -> fields.put(NAME, message));
        schemaField.ifPresent(message -> fields.put(SCHEMA, message));
        fileField(HANDLER, "handler.lua", handler).ifPresent(message -> fields.put(HANDLER, message));
        return fields;
    }

    private Optional<String> nameField() {
        if (first(Rules.NAME_FORMAT, null).isPresent()) {
            return Optional.of("invalid value: " + uploadName);
        }
        if (first(Rules.NAME_RESERVED, null).isPresent()) {
            return Optional.of("must not be one of: " + String.join(", ", NameCheck.reservedNames()));
        }
        return Optional.empty();
    }

    private Optional<String> fileField(String field, String file, FileAnalysis analysis) {
        List<Diagnostic> errors = refused.stream()
                .filter(d -> d.file().equals(file) && !d.rule().startsWith("name.")).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Optional<Diagnostic> size = first(Rules.FILES_SIZE, file);
        if (size.isPresent()) {
            return Optional.of("length must be at most " + PluginValidator.DEFAULT_MAX_FILE_SIZE
                    + " bytes (Konnect's 100 KB)");
        }
        Optional<Diagnostic> syntax = first(Rules.LUA_SYNTAX, file);
        if (syntax.isPresent()) {
            return Optional.of(field + " compilation error (" + luaError(field, syntax.get().line(),
                    withoutAdvice(syntax.get().message(), file)) + ")");
        }
        Evaluation evaluation = analysis == null ? null : analysis.evaluation();
        if (evaluation != null && !evaluation.succeeded()) {
            return Optional.of(field + " load failure (" + luaError(field, evaluation.line(), evaluation.failure())
                    + ")");
        }
        String validation = field.equals(HANDLER) ? handlerValidation(evaluation) : schemaValidation(evaluation);
        if (validation != null) {
            return Optional.of(field + " validation error (" + validation + ")");
        }
        // A finding without one of Kong's own words (a sandbox error at the top level that the run did not reach,
        // an unreadable file, a check the validator could not finish): Kong's frame, the validator's words.
        Diagnostic error = errors.get(0);
        return Optional.of(field + (error.rule().startsWith("sandbox.") ? " load failure (" : " validation error (")
                + luaError(field, error.line(), error.message()) + ")");
    }

    private String handlerValidation(Evaluation evaluation) {
        LuaValue value = evaluation == null || !evaluation.succeeded() ? null : evaluation.value();
        if (value != null && !value.istable() && !SandboxEvaluator.isStub(value)) {
            return "expected table, got " + value.typename();
        }
        if (first(Rules.HANDLER_PRIORITY, null).isPresent()) {
            return "PRIORITY field is not a valid integer number";
        }
        if (first(Rules.HANDLER_VERSION, null).isPresent()) {
            return "VERSION field does not follow the x.y.z format";
        }
        if (first(Rules.HANDLER_PHASES, null).isPresent()) {
            return "implementing both response and header_filter/body_filter methods is not allowed";
        }
        if (first(Rules.HANDLER_INIT_WORKER, null).isPresent()) {
            return "implementing init_worker method is not allowed";
        }
        return null;
    }

    private String schemaValidation(Evaluation evaluation) {
        LuaValue value = evaluation == null || !evaluation.succeeded() ? null : evaluation.value();
        if (value != null && !SandboxEvaluator.isStub(value)) {
            if (!value.istable()) {
                return "expected table, got " + value.typename();
            }
            LuaValue name = value.rawget("name");
            if (name.isnil()) {
                return "missing name";
            }
            if (name.type() != LuaValue.TSTRING && !SandboxEvaluator.isStub(name)) {
                return "invalid name";
            }
        }
        return first(Rules.SCHEMA_SHAPE, "schema.lua").map(d -> "schema violation (" + d.message() + ")")
                .orElse(null);
    }

    /** The first refusal of this rule (in this file, unless null), in file and line order. */
    private Optional<Diagnostic> first(String rule, String file) {
        return refused.stream().filter(d -> d.rule().equals(rule) && (file == null || d.file().equals(file)))
                .findFirst();
    }

    /** An error as Lua reports it for a chunk Kong compiles under the name {@code field}. */
    private static String luaError(String field, int line, String message) {
        return "[string \"" + field + "\"]:" + Math.max(1, line) + ": " + message;
    }

    /** A syntax message without the validator's advice, which Kong does not give. */
    private static String withoutAdvice(String message, String file) {
        String advice = " (" + file + " must parse as the LuaJIT dialect Kong runs)";
        return message.endsWith(advice) ? message.substring(0, message.length() - advice.length()) : message;
    }
}
