package dev.konnectplugins.sync;

import dev.konnectplugins.internal.sync.Rendering;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync would do on one control plane, plugin by plugin, worked out without writing anything (like
 * {@code terraform plan}). Immutable. Apply it with {@link PluginSync#apply(SyncPlan)}.
 *
 * <pre>{@code
 * SyncPlan plan = sync.plan("prod-gateways", DesiredState.fromFolder(Path.of("plugins")), SyncOptions.defaults());
 * System.out.print(plan.toText());   // 1 to create, 1 to update, 0 to delete, 3 unchanged ...
 * }</pre>
 */
public final class SyncPlan {
    private final String controlPlane;
    private final String controlPlaneId;
    private final List<PlannedChange> changes;
    private final SyncOptions options;
    private final RuntimeException failure;

    SyncPlan(String controlPlane, String controlPlaneId, List<PlannedChange> changes, SyncOptions options,
             RuntimeException failure) {
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
        this.controlPlaneId = controlPlaneId;
        this.changes = List.copyOf(changes);
        this.options = Objects.requireNonNull(options, "options");
        this.failure = failure;
    }

    static SyncPlan failed(String controlPlane, SyncOptions options, RuntimeException failure) {
        return new SyncPlan(controlPlane, null, List.of(), options, Objects.requireNonNull(failure, "failure"));
    }

    /** {@return the control plane as it was given (a name or an id)} */
    public String controlPlane() {
        return controlPlane;
    }

    /** {@return the control plane's id; empty when it could not be resolved} */
    public Optional<String> controlPlaneId() {
        return Optional.ofNullable(controlPlaneId);
    }

    /**
     * Every plugin on either side, sorted by name (unchanged ones included).
     *
     * @return the changes, unmodifiable
     */
    public List<PlannedChange> changes() {
        return changes;
    }

    /**
     * The entries with this action.
     *
     * @param action the action to select
     * @return those changes, sorted by name
     */
    public List<PlannedChange> changes(ChangeAction action) {
        return changes.stream().filter(change -> change.action() == action).toList();
    }

    /**
     * How many entries have this action.
     *
     * @param action the action to count
     * @return the count, 0 when none
     */
    public int count(ChangeAction action) {
        return (int) changes.stream().filter(change -> change.action() == action).count();
    }

    /**
     * Whether applying it would write anything.
     *
     * @return true when any change writes
     */
    public boolean hasChanges() {
        return changes.stream().anyMatch(change -> change.action().writes());
    }

    /** {@return the options it was made with} */
    public SyncOptions options() {
        return options;
    }

    /**
     * Why the control plane could not be planned (not found, unreachable, token refused); empty when it was.
     *
     * @return the failure; empty when the control plane was planned
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * {@code 2 to create, 1 to update, 0 to delete, 5 unchanged} (plus blocked and left alone, when any).
     *
     * @return the summary line
     */
    public String summary() {
        return Rendering.summary(this);
    }

    /**
     * The summary line, then each change with its diff, then the validator's warnings (as
     * {@code alpha/handler.lua:3:9: warning [rule] message}), as text for a terminal or a pull-request comment.
     *
     * @return the text, several lines
     */
    public String toText() {
        return Rendering.text(this);
    }

    /**
     * The same as JSON, for tools; each change lists its warnings in the fields of
     * {@code konnect-plugins validate --output json}.
     *
     * @return the JSON document
     */
    public String toJson() {
        return Rendering.json(this);
    }

    @Override
    public String toString() {
        return "SyncPlan{controlPlane=" + controlPlane + ", " + (failure == null ? summary() : "failed") + "}";
    }
}
