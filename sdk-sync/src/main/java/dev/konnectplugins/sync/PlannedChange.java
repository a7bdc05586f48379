package dev.konnectplugins.sync;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One plugin's entry in a {@link SyncPlan}: what will happen to it and why. Immutable.
 */
public final class PlannedChange {
    private final String name;
    private final ChangeAction action;
    private final ChangeAction intendedAction;
    private final Set<ChangedPart> changedParts;
    private final List<String> diff;
    private final String reason;
    private final List<String> instanceIds;
    private final PluginSource desired;
    private final List<Diagnostic> warnings;

    PlannedChange(String name, ChangeAction action, ChangeAction intendedAction, Set<ChangedPart> changedParts,
                  List<String> diff, String reason, List<String> instanceIds, PluginSource desired) {
        this(name, action, intendedAction, changedParts, diff, reason, instanceIds, desired, List.of());
    }

    private PlannedChange(String name, ChangeAction action, ChangeAction intendedAction,
                          Set<ChangedPart> changedParts, List<String> diff, String reason, List<String> instanceIds,
                          PluginSource desired, List<Diagnostic> warnings) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = Objects.requireNonNull(action, "action");
        this.intendedAction = intendedAction;
        this.changedParts = Set.copyOf(changedParts);
        this.diff = List.copyOf(diff);
        this.reason = reason == null ? "" : reason;
        this.instanceIds = List.copyOf(instanceIds);
        this.desired = desired;
        this.warnings = List.copyOf(warnings);
    }

    /** The same change with the validator's warnings about the local plugin. */
    PlannedChange withWarnings(List<Diagnostic> found) {
        return new PlannedChange(name, action, intendedAction, changedParts, diff, reason, instanceIds, desired,
                found);
    }

    /** {@return the plugin's name} */
    public String name() {
        return name;
    }

    /** {@return what the plan does with it} */
    public ChangeAction action() {
        return action;
    }

    /**
     * For {@link ChangeAction#BLOCKED}: the change that is blocked, {@code UPDATE} or {@code DELETE}.
     *
     * @return the blocked change; empty unless the action is {@link ChangeAction#BLOCKED}
     */
    public Optional<ChangeAction> intendedAction() {
        return Optional.ofNullable(intendedAction);
    }

    /**
     * For an update (or a blocked one): which of handler, schema and tags differ.
     *
     * @return the changed parts, unmodifiable; empty for other actions
     */
    public Set<ChangedPart> changedParts() {
        return changedParts;
    }

    /**
     * For an update (or a blocked one): the unified diff lines of handler.lua, then schema.lua, from Konnect's
     * version ({@code --- konnect/<name>/handler.lua}) to the local one ({@code +++ local/<name>/handler.lua}),
     * each cut at the plan's line limit; and a {@code tags} line when the tags differ.
     *
     * @return the diff lines, unmodifiable; empty for other actions
     */
    public List<String> diff() {
        return diff;
    }

    /**
     * For a blocked or left-alone plugin: why, and the way out; empty otherwise.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * For a plugin blocked because it is in use: the ids of the plugin instances that use it.
     *
     * @return the instance ids, unmodifiable; empty otherwise
     */
    public List<String> instanceIds() {
        return instanceIds;
    }

    /**
     * For a create or update: the plugin as it will be written (with its tags).
     *
     * @return the plugin to write; empty for a delete, blocked or unchanged plugin
     */
    public Optional<PluginSource> desired() {
        return Optional.ofNullable(desired);
    }

    /**
     * The validator's warnings about the local plugin (for a create, update, blocked or unchanged one), in the
     * validator's order: worth a look, but they never block the sync or change the plan. Each says its file (such as
     * {@code handler.lua}), line, rule and message. Only errors stop a plan, with a {@link SyncValidationException}.
     *
     * @return the warnings, unmodifiable; empty for a plugin that is only on Konnect, and when no validator is on the
     *         class path (see {@link dev.konnectplugins.CustomPlugins#validate})
     */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "PlannedChange{" + name + " " + action.label()
                + (intendedAction == null ? "" : " (" + intendedAction.label() + ")")
                + (changedParts.isEmpty() ? "" : " " + changedParts) + "}";
    }
}
