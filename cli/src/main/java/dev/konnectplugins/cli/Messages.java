package dev.konnectplugins.cli;

import dev.konnectplugins.ForbiddenException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.UnauthorizedException;

/** What a user reads when a command fails: what went wrong and, where we know it, what to do; never the token. */
final class Messages {
    private Messages() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof UnauthorizedException) {
            return failure.getMessage() + " (check the token: KONNECT_TOKEN or --token)";
        }
        if (failure instanceof ForbiddenException) {
            return failure.getMessage() + " (the token lacks a role on this control plane)";
        }
        if (failure instanceof KonnectTransportException) {
            return failure.getMessage() + " (check the network and the host: --base-url or --region, else "
                    + "KONNECT_BASE_URL or KONNECT_REGION; behind a proxy, HTTPS_PROXY)";
        }
        if (failure instanceof NotFoundException && String.valueOf(failure.getMessage()).startsWith("control plane")) {
            return failure.getMessage() + " (check --control-plane or KONNECT_CONTROL_PLANE, and the region)";
        }
        return String.valueOf(failure.getMessage());
    }
}
