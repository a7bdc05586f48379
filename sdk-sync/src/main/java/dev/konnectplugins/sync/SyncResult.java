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

    /** {@return the plan that was applied} */
    public SyncPlan plan() {
        return plan;
    }

    /**
     * One outcome per write the plan asked for, and per blocked change.
     *
     * @return the outcomes, unmodifiable, in the order of the writes
     */
    public List<PluginOutcome> outcomes() {
        return outcomes;
    }

    /**
     * The outcomes with this status.
     *
     * @param status the status to select
     * @return those outcomes
     */
    public List<PluginOutcome> outcomes(OutcomeStatus status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).toList();
    }

    /**
     * Why the control plane could not be planned; empty when it was.
     *
     * @return the failure; empty when the control plane was planned
     */
    public Optional<RuntimeException> failure() {
        return plan.failure();
    }

    /**
     * Whether it could be planned and no write failed (blocked changes may still have been skipped).
     *
     * @return true when planned and no write failed
     */
    public boolean succeeded() {
        return plan.failure().isEmpty() && outcomes(OutcomeStatus.FAILED).isEmpty();
    }

    /**
     * Whether the control plane now matches the desired state: succeeded, nothing skipped.
     *
     * @return true when the control plane matches the desired state
     */
    public boolean converged() {
        return succeeded() && outcomes(OutcomeStatus.SKIPPED).isEmpty();
    }

    /**
     * A line per plugin written, skipped or failed, and a summary.
     *
     * @return the text, several lines
     */
    public String toText() {
        return Rendering.text(this);
    }

    /**
     * The same as JSON, for tools.
     *
     * @return the JSON document
     */
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
