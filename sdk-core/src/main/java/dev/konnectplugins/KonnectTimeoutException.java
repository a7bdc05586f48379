package dev.konnectplugins;

import java.time.Duration;
import java.util.List;
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

    /** Which timeout fired. */
    private final Timeout timeout;
    /** The configured length of the timeout. */
    private final Duration limit;

    /**
     * A timeout that ended the last of {@code attempts} HTTP attempts (or the whole call).
     *
     * @param request         the request, as {@code METHOD path}
     * @param timeout         which timeout fired
     * @param limit           its configured length
     * @param cause           the JDK's timeout exception, or null
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public KonnectTimeoutException(String request, Timeout timeout, Duration limit, Throwable cause, int attempts,
                                   List<String> earlierFailures) {
        super(request + " timed out: " + timeout.name().toLowerCase(Locale.ROOT) + " timeout of " + limit.toMillis()
                + " ms", cause, attempts, earlierFailures);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /**
     * Which timeout fired.
     *
     * @return the timeout that fired
     */
    public Timeout timeout() {
        return timeout;
    }

    /**
     * The configured length of that timeout.
     *
     * @return the configured duration
     */
    public Duration limit() {
        return limit;
    }
}
