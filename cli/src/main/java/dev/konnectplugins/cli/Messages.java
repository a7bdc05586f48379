package dev.konnectplugins.cli;

import dev.konnectplugins.ForbiddenException;
import dev.konnectplugins.KonnectTransportException;
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
            return "could not reach Konnect: " + failure.getMessage();
        }
        return String.valueOf(failure.getMessage());
    }
}
