package dev.konnectplugins.internal.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.sync.ChangeAction;
import dev.konnectplugins.sync.ChangedPart;
import dev.konnectplugins.sync.OutcomeStatus;
import dev.konnectplugins.sync.PlannedChange;
import dev.konnectplugins.sync.PluginOutcome;
import dev.konnectplugins.sync.SyncPlan;
import dev.konnectplugins.sync.SyncResult;
import dev.konnectplugins.validation.report.DiagnosticText;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text and JSON for plans and results. Text is meant for people (terminals, pull-request comments). Every value that
 * came from Konnect or from an exception (names, reasons, ids, Lua in diffs, messages) goes through {@link SafeText}.
 * Diagnostics are not rendered here: their lines and JSON objects come from sdk-validation's report renderer
 * ({@link DiagnosticText}), the one that {@code konnect-plugins validate} prints with.
 */
public final class Rendering {
    private static final ObjectMapper MAPPER = SafeText.escaping(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
    private static final String DIFF_INDENT = "    ";
    private static final Map<ChangeAction, String> SYMBOLS = Map.of(ChangeAction.CREATE, "+", ChangeAction.UPDATE,
            "~", ChangeAction.DELETE, "-", ChangeAction.BLOCKED, "!", ChangeAction.LEFT_ALONE, "=",
            ChangeAction.UNCHANGED, " ");

    private Rendering() {
    }

    public static String summary(SyncPlan plan) {
        StringBuilder line = new StringBuilder()
                .append(plan.count(ChangeAction.CREATE)).append(" to create, ")
                .append(plan.count(ChangeAction.UPDATE)).append(" to update, ")
                .append(plan.count(ChangeAction.DELETE)).append(" to delete, ")
                .append(plan.count(ChangeAction.UNCHANGED)).append(" unchanged");
        if (plan.count(ChangeAction.BLOCKED) > 0) {
            line.append(", ").append(plan.count(ChangeAction.BLOCKED)).append(" blocked");
        }
        if (plan.count(ChangeAction.LEFT_ALONE) > 0) {
            line.append(", ").append(plan.count(ChangeAction.LEFT_ALONE)).append(" left alone");
        }
        return line.toString();
    }

    public static String text(SyncPlan plan) {
        StringBuilder out = new StringBuilder(heading(plan));
        if (plan.failure().isPresent()) {
            return out.append(": could not plan: ").append(SafeText.inline(plan.failure().get().getMessage()))
                    .append('\n').toString();
        }
        out.append('\n').append("Plan: ").append(summary(plan)).append(".\n");
        boolean afterBlock = true;
        for (PlannedChange change : plan.changes()) {
            if (change.action() == ChangeAction.UNCHANGED) {
                continue;
            }
            // A blank line sets each diff apart; one-line entries stay together.
            if (afterBlock || !change.diff().isEmpty() || change.action() == ChangeAction.BLOCKED) {
                out.append('\n');
            }
            out.append("  ").append(SYMBOLS.get(change.action())).append(' ').append(SafeText.inline(change.name()))
                    .append(" (").append(describe(change)).append(')');
            if (change.action() == ChangeAction.BLOCKED) {
                // The reason of a blocked change is long (it names the instances and the way out): its own line.
                out.append('\n').append(DIFF_INDENT).append(SafeText.inline(change.reason()));
            } else if (!change.reason().isEmpty()) {
                out.append(": ").append(SafeText.inline(change.reason()));
            }
            out.append('\n');
            change.diff().forEach(line -> out.append(DIFF_INDENT).append(SafeText.inline(line)).append('\n'));
            afterBlock = !change.diff().isEmpty() || change.action() == ChangeAction.BLOCKED;
        }
        return appendWarnings(out, plan).toString();
    }

    /** Every plugin's warnings (unchanged plugins' too: they are about the local code) in one closing section. */
    private static StringBuilder appendWarnings(StringBuilder out, SyncPlan plan) {
        if (plan.changes().stream().allMatch(change -> change.warnings().isEmpty())) {
            return out;
        }
        out.append("\nValidation warnings (they do not stop the sync):\n");
        // As validate prints them, with the plugin's folder name in front of the file: alpha/handler.lua:3:9.
        plan.changes().forEach(change -> change.warnings().forEach(warning ->
                out.append("  ").append(DiagnosticText.line(change.name(), warning)).append('\n')));
        return out;
    }

    public static String text(SyncResult result) {
        SyncPlan plan = result.plan();
        StringBuilder out = new StringBuilder(heading(plan));
        if (plan.failure().isPresent()) {
            return out.append(": could not plan: ").append(SafeText.inline(plan.failure().get().getMessage()))
                    .append('\n').toString();
        }
        out.append(": ").append(result.outcomes(OutcomeStatus.DONE).size()).append(" written, ")
                .append(result.outcomes(OutcomeStatus.FAILED).size()).append(" failed, ")
                .append(result.outcomes(OutcomeStatus.SKIPPED).size()).append(" skipped, ")
                .append(plan.count(ChangeAction.UNCHANGED)).append(" unchanged\n");
        for (PluginOutcome outcome : result.outcomes()) {
            out.append("  ").append(SYMBOLS.get(outcome.action())).append(' ').append(SafeText.inline(outcome.name()))
                    .append(' ').append(SafeText.inline(outcomeWords(outcome))).append('\n');
        }
        return out.toString();
    }

    public static String json(SyncPlan plan) {
        return write(planNode(plan));
    }

    public static String json(SyncResult result) {
        ObjectNode node = planHeader(result.plan());
        if (result.plan().failure().isEmpty()) {
            node.put("converged", result.converged());
            ArrayNode outcomes = node.putArray("outcomes");
            for (PluginOutcome outcome : result.outcomes()) {
                ObjectNode entry = outcomes.addObject().put("name", outcome.name())
                        .put("action", outcome.action().name().toLowerCase(java.util.Locale.ROOT))
                        .put("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
                if (!outcome.reason().isEmpty()) {
                    entry.put("reason", outcome.reason());
                }
                outcome.failure().ifPresent(failure -> entry.put("error", String.valueOf(failure.getMessage())));
            }
        }
        node.set("plan", planNode(result.plan()));
        return write(node);
    }

    private static ObjectNode planNode(SyncPlan plan) {
        ObjectNode node = planHeader(plan);
        if (plan.failure().isPresent()) {
            return node;
        }
        ObjectNode summary = node.putObject("summary");
        for (ChangeAction action : ChangeAction.values()) {
            summary.put(snake(action), plan.count(action));
        }
        node.put("has_changes", plan.hasChanges());
        ArrayNode changes = node.putArray("changes");
        for (PlannedChange change : plan.changes()) {
            ObjectNode entry = changes.addObject().put("name", change.name()).put("action", snake(change.action()));
            change.intendedAction().ifPresent(intended -> entry.put("blocked_action", snake(intended)));
            if (!change.changedParts().isEmpty()) {
                ArrayNode parts = entry.putArray("changed");
                List.of(ChangedPart.values()).stream().filter(change.changedParts()::contains)
                        .forEach(part -> parts.add(part.label()));
            }
            if (!change.reason().isEmpty()) {
                entry.put("reason", change.reason());
            }
            if (!change.instanceIds().isEmpty()) {
                ArrayNode ids = entry.putArray("instance_ids");
                change.instanceIds().forEach(ids::add);
            }
            if (!change.diff().isEmpty()) {
                entry.put("diff", String.join("\n", change.diff()) + "\n");
            }
            if (!change.warnings().isEmpty()) {
                ArrayNode warnings = entry.putArray("warnings");
                change.warnings().forEach(warning -> diagnosticNode(warnings.addObject(), warning));
            }
        }
        return node;
    }

    /**
     * A diagnostic as {@code konnect-plugins validate --output json} prints it: rendered by the one diagnostic
     * renderer ({@link DiagnosticText}), embedded in the plan's tree.
     */
    private static void diagnosticNode(ObjectNode node, Diagnostic diagnostic) {
        try {
            node.setAll((ObjectNode) MAPPER.readTree(DiagnosticText.json(diagnostic)));
        } catch (JsonProcessingException e) {
            // The renderer writes valid JSON; kept unchecked for the caller's sake, as in write().
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode planHeader(SyncPlan plan) {
        ObjectNode node = MAPPER.createObjectNode().put("control_plane", plan.controlPlane());
        plan.controlPlaneId().ifPresent(id -> node.put("control_plane_id", id));
        plan.failure().ifPresent(failure -> node.put("error", String.valueOf(failure.getMessage())));
        return node;
    }

    private static String heading(SyncPlan plan) {
        String id = plan.controlPlaneId().filter(value -> !value.equals(plan.controlPlane()))
                .map(value -> " (" + value + ")").orElse("");
        return "Control plane " + SafeText.inline(plan.controlPlane() + id);
    }

    private static String describe(PlannedChange change) {
        if (change.action() == ChangeAction.BLOCKED) {
            return "blocked " + change.intendedAction().map(ChangeAction::label).orElse("change");
        }
        if (change.changedParts().isEmpty()) {
            return change.action().label();
        }
        return change.action().label() + ": " + List.of(ChangedPart.values()).stream()
                .filter(change.changedParts()::contains).map(ChangedPart::label).collect(Collectors.joining(", "));
    }

    private static String outcomeWords(PluginOutcome outcome) {
        return switch (outcome.status()) {
            case DONE -> switch (outcome.action()) {
                case CREATE -> "created";
                case UPDATE -> "updated";
                case DELETE -> "deleted";
                default -> "done";
            };
            case SKIPPED -> "skipped: " + outcome.reason();
            case FAILED -> outcome.action().label() + " failed: "
                    + outcome.failure().map(Throwable::getMessage).orElse("unknown error");
        };
    }

    /** JSON keys and values are snake_case everywhere, as Konnect's own ({@code created_at}). */
    private static String snake(ChangeAction action) {
        return action.label().replace(' ', '_');
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // Cannot happen for a tree of strings and numbers; kept unchecked for the caller's sake.
            throw new UncheckedIOException(e);
        }
    }
}
