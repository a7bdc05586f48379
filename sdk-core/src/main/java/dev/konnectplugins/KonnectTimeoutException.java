package dev.konnectplugins;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** A timeout fired; {@link #timeout()} says which one and {@link #limit()} how long it was. */
public class KonnectTimeoutException extends KonnectTransportException {
    private static final long serialVersionUID = 1L;

    /** The timeouts a call is bounded by. */
    public enum Timeout {
        /** Opening the TCP/TLS connection took too long ({@code connectTimeout}). */
        CONNECT,
        /** One attempt got no answer in time ({@code attemptTimeout}). */
        ATTEMPT,
        /** The call, all attempts and waits together, ran out of time ({@code totalTimeout}). */
        TOTAL
    }

    private final Timeout timeout;
    private final Duration limit;

    public KonnectTimeoutException(String request, Timeout timeout, Duration limit, Throwable cause) {
        super(request + " timed out: " + timeout.name().toLowerCase(Locale.ROOT) + " timeout of " + limit.toMillis()
                + " ms", cause);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Which timeout fired. */
    public Timeout timeout() {
        return timeout;
    }

    /** The configured length of that timeout. */
    public Duration limit() {
        return limit;
    }
}
