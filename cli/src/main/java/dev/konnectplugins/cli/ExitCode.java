package dev.konnectplugins.cli;

import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.sync.ChangeAction;
import dev.konnectplugins.sync.SyncPlan;
import java.util.List;

/**
 * The exit codes, as Terraform's: 1 for every error, 2 only for "there are changes" under
 * {@code --detailed-exitcode}, so a CI step can tell a typo from a diff. {@link #FOOTER} is what {@code --help}
 * prints; the README lists the same lines (a test compares them).
 */
final class ExitCode {
    /** Done. */
    static final int OK = 0;
    /** Every error that is not one of the codes below: an invalid plugin, a blocked change, a kept file, no token. */
    static final int ERROR = 1;
    /** {@code plan --detailed-exitcode} (or {@code sync --dry-run --detailed-exitcode}): the plan has changes. */
    static final int CHANGES = 2;
    /** Konnect answered with an error. */
    static final int KONNECT_ERROR = 3;
    /** Konnect could not be reached. */
    static final int UNREACHABLE = 4;
    /** Bad usage: an unknown command or option, a bad option value (sysexits' EX_USAGE). */
    static final int USAGE = 64;

    /** The exit status lines of {@code konnect-plugins --help}. */
    static final String[] FOOTER = {
        "  0   done (plan: no changes, or changes without --detailed-exitcode)",
        "  1   error: an invalid plugin, a blocked change, a local file kept, no token",
        "  2   plan --detailed-exitcode: there are changes (and nothing else)",
        "  3   Konnect answered an error (token, control plane not found, 5xx...)",
        "  4   Konnect could not be reached (network, DNS, proxy, timeout)",
        "  64  bad usage: unknown command or option, bad option value"};

    private ExitCode() {
    }

    /** The exit code for an exception a command let out. */
    static int of(Throwable failure) {
        if (failure instanceof KonnectTransportException) {
            return UNREACHABLE;
        }
        if (failure instanceof KonnectApiException) {
            return KONNECT_ERROR;
        }
        return ERROR;
    }

    /**
     * The exit code of a plan (and of {@code sync --dry-run}): the first control plane that could not be planned
     * decides; else a blocked change is an error; else, with {@code detailed}, changes are {@link #CHANGES}.
     */
    static int of(List<SyncPlan> plans, boolean detailed) {
        for (SyncPlan plan : plans) {
            if (plan.failure().isPresent()) {
                return of(plan.failure().get());
            }
        }
        if (plans.stream().anyMatch(plan -> plan.count(ChangeAction.BLOCKED) > 0)) {
            return ERROR;
        }
        return detailed && plans.stream().anyMatch(SyncPlan::hasChanges) ? CHANGES : OK;
    }
}
