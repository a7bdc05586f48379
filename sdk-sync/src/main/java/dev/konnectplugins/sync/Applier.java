package dev.konnectplugins.sync;

import dev.konnectplugins.CustomPlugins;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sends a plan's writes in a deterministic order: creates and updates by name, then deletes by name. Blocked
 * changes are never sent. Stops at the first failed write unless {@link SyncOptions#continueOnError()}.
 */
final class Applier {
    private static final String EARLIER_FAILURE = "not attempted: an earlier write failed "
            + "(sync again to continue, or use continueOnError)";

    private final CustomPlugins plugins;

    Applier(CustomPlugins plugins) {
        this.plugins = plugins;
    }

    SyncResult apply(SyncPlan plan) {
        if (plan.failure().isPresent()) {
            return new SyncResult(plan, List.of());
        }
        List<PluginOutcome> outcomes = new ArrayList<>();
        boolean stopped = false;
        for (PlannedChange change : ordered(plan)) {
            if (change.action() == ChangeAction.BLOCKED) {
                outcomes.add(new PluginOutcome(change.name(), ChangeAction.BLOCKED, OutcomeStatus.SKIPPED,
                        change.reason(), null));
            } else if (stopped) {
                outcomes.add(new PluginOutcome(change.name(), change.action(), OutcomeStatus.SKIPPED,
                        EARLIER_FAILURE, null));
            } else {
                PluginOutcome outcome = write(change);
                outcomes.add(outcome);
                stopped = outcome.status() == OutcomeStatus.FAILED && !plan.options().continueOnError();
            }
        }
        return new SyncResult(plan, outcomes);
    }

    private PluginOutcome write(PlannedChange change) {
        try {
            if (change.action() == ChangeAction.DELETE) {
                plugins.delete(change.name());
            } else {
                plugins.upsert(change.desired().orElseThrow());
            }
            return new PluginOutcome(change.name(), change.action(), OutcomeStatus.DONE, "", null);
        } catch (RuntimeException e) {
            return new PluginOutcome(change.name(), change.action(), OutcomeStatus.FAILED, "", e);
        }
    }

    /** Writes first (creates and updates by name), then deletes by name, then the blocked changes. */
    private static List<PlannedChange> ordered(SyncPlan plan) {
        return plan.changes().stream()
                .filter(change -> change.action().writes() || change.action() == ChangeAction.BLOCKED)
                .sorted(Comparator.comparingInt(Applier::rank).thenComparing(PlannedChange::name))
                .toList();
    }

    private static int rank(PlannedChange change) {
        return switch (change.action()) {
            case CREATE, UPDATE -> 0;
            case DELETE -> 1;
            default -> 2;
        };
    }
}
