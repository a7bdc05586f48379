package dev.konnectplugins.cli;

import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.PluginInUseException;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.sync.ChangeAction;
import dev.konnectplugins.sync.SyncPlan;
import dev.konnectplugins.sync.SyncValidationException;
import java.util.List;

/** The exit codes, the same as the JBang scripts' and sdk-validation's CLI. */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** Refused or invalid: a plugin is invalid, a change is blocked, a local file was kept. */
    static final int REFUSED = 1;
    /** Bad usage or configuration: an unknown option, a missing token, a folder without plugins. */
    static final int USAGE = 2;
    /** Konnect answered with an error. */
    static final int KONNECT_ERROR = 3;
    /** Konnect could not be reached. */
    static final int UNREACHABLE = 4;
    /** {@code plan --detailed-exitcode} (or {@code sync --dry-run --detailed-exitcode}): the plan has changes. */
    static final int CHANGES = 2;

    private ExitCode() {
    }

    /** The exit code for an exception a command let out. */
    static int of(Throwable failure) {
        if (failure instanceof SyncValidationException || failure instanceof PluginValidationException
                || failure instanceof PluginInUseException) {
            return REFUSED;
        }
        if (failure instanceof KonnectTransportException) {
            return UNREACHABLE;
        }
        if (failure instanceof KonnectApiException) {
            return KONNECT_ERROR;
        }
        return USAGE;
    }

    /**
     * The exit code of a plan (and of {@code sync --dry-run}): the first control plane that could not be planned
     * decides; else a blocked change is refused; else, with {@code detailed}, changes are {@link #CHANGES}.
     */
    static int of(List<SyncPlan> plans, boolean detailed) {
        for (SyncPlan plan : plans) {
            if (plan.failure().isPresent()) {
                return of(plan.failure().get());
            }
        }
        if (plans.stream().anyMatch(plan -> plan.count(ChangeAction.BLOCKED) > 0)) {
            return REFUSED;
        }
        return detailed && plans.stream().anyMatch(SyncPlan::hasChanges) ? CHANGES : OK;
    }
}
