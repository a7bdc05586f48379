package dev.konnectplugins;

import dev.konnectplugins.testsupport.RecordingDelayer;
import java.net.URI;

/** Builders for clients aimed at a local WireMock, with backoff recorded instead of slept. */
final class TestClients {
    static final String TOKEN = "kpat_SECRETtoken0123456789abcdef";
    static final String CP = "0b3e2a4c-6d7e-4f80-9a1b-2c3d4e5f6a7b";

    private TestClients() {
    }

    /** A builder for {@code http://localhost:port}, jitter fixed at its maximum so backoffs are predictable. */
    static Konnect.Builder builder(int port, RecordingDelayer delayer) {
        return Konnect.builder()
                .baseUrl(URI.create("http://localhost:" + port))
                .token(TOKEN)
                .delayer(delayer)
                .random(() -> 1.0);
    }

    static Konnect client(int port) {
        return builder(port, new RecordingDelayer()).build();
    }
}
