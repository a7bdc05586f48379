package dev.konnectplugins.internal.testkit;

import com.github.tomakehurst.wiremock.common.Notifier;

/** Keeps WireMock quiet: the testkit is a library and must not write to the console of the tests using it. */
public final class SilentNotifier implements Notifier {

    @Override
    public void info(String message) {
        // Deliberately dropped.
    }

    @Override
    public void error(String message) {
        // Deliberately dropped; the request journal still shows what happened.
    }

    @Override
    public void error(String message, Throwable cause) {
        // Deliberately dropped.
    }
}
