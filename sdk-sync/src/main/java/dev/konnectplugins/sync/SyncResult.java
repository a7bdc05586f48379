package dev.konnectplugins.sync;

import dev.konnectplugins.internal.sync.Rendering;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a {@link SyncPlan} did on one control plane: one outcome per planned create, update, delete or
 * blocked change, in the order they were handled. Immutable. After a partial failure, planning again shows what is
 * left, and syncing again finishes it.
 */
public final class SyncResult {
    private final SyncPlan plan;
    private final List<PluginOutcome> outcomes;

    SyncResult(SyncPlan plan, List<PluginOutcome> outcomes) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.outcomes = List.copyOf(outcomes);
    }

    /** The plan that was applied. */
    public SyncPlan plan() {
        return plan;
    }

    /** One outcome per write the plan asked for, and per blocked change. */
    public List<PluginOutcome> outcomes() {
        return outcomes;
    }

    /** The outcomes with this status. */
    public List<PluginOutcome> outcomes(OutcomeStatus status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).toList();
    }

    /** Why the control plane could not be planned; empty when it was. */
    public Optional<RuntimeException> failure() {
        return plan.failure();
    }

    /** Whether it could be planned and no write failed (blocked changes may still have been skipped). */
    public boolean succeeded() {
        return plan.failure().isEmpty() && outcomes(OutcomeStatus.FAILED).isEmpty();
    }

    /** Whether the control plane now matches the desired state: succeeded, nothing skipped. */
    public boolean converged() {
        return succeeded() && outcomes(OutcomeStatus.SKIPPED).isEmpty();
    }

    /** A line per plugin written, skipped or failed, and a summary. */
    public String toText() {
        return Rendering.text(this);
    }

    /** The same as JSON, for tools. */
    public String toJson() {
        return Rendering.json(this);
    }

    @Override
    public String toString() {
        return "SyncResult{controlPlane=" + plan.controlPlane() + ", done=" + outcomes(OutcomeStatus.DONE).size()
                + ", skipped=" + outcomes(OutcomeStatus.SKIPPED).size() + ", failed="
                + outcomes(OutcomeStatus.FAILED).size() + "}";
    }
}
