package dev.konnectplugins;

import java.util.List;

/**
 * No usable answer came back: the connection failed, was reset, the response was cut short, or a timeout fired
 * (see {@link KonnectTimeoutException}).
 */
public class KonnectTransportException extends KonnectException {
    private static final long serialVersionUID = 1L;

    /**
     * A transport failure outside any HTTP attempt, such as waiting for a call that was cancelled.
     *
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public KonnectTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A transport failure on the last of {@code attempts} HTTP attempts.
     *
     * @param message         what failed
     * @param cause           the underlying failure, or null
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public KonnectTransportException(String message, Throwable cause, int attempts, List<String> earlierFailures) {
        super(message, cause, attempts, earlierFailures);
    }

    /** Always true: a connection that failed or timed out may work the next time. */
    @Override
    public boolean retryable() {
        return true;
    }
}
