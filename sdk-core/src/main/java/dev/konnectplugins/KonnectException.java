package dev.konnectplugins;

import java.util.List;

/**
 * The root of every exception this SDK throws. Unchecked, so it composes with lambdas and streams. Immutable: the
 * SDK gives each exception its whole story, retry history included, when it creates it.
 *
 * <p>When a call was retried, {@link #attempts()} says how many HTTP attempts were made and
 * {@link #attemptFailures()} why each earlier one failed; the exception itself describes the last.
 * {@link #retryable()} says whether trying the same call again later may succeed.
 */
public class KonnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why each earlier attempt failed, oldest first. */
    private final List<String> attemptFailures;
    /** How many attempts the call made. */
    private final int attempts;

    /**
     * A failure that happened before any HTTP attempt (or that is not about one).
     *
     * @param message what failed
     */
    public KonnectException(String message) {
        this(message, null, 0, List.of());
    }

    /**
     * A failure that happened before any HTTP attempt (or that is not about one), caused by another.
     *
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public KonnectException(String message, Throwable cause) {
        this(message, cause, 0, List.of());
    }

    /**
     * A failure after {@code attempts} HTTP attempts.
     *
     * @param message         what failed, on the last attempt
     * @param cause           the underlying failure, or null
     * @param attempts        number of attempts made, including the last one; 0 when nothing was sent
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    // super.initCause is not a virtual call, so no subclass code runs on a half-built object; javac 21+ flags it anyway
    @SuppressWarnings("this-escape")
    protected KonnectException(String message, Throwable cause, int attempts, List<String> earlierFailures) {
        super(message);
        if (cause != null) {
            super.initCause(cause); // Left unset otherwise, so that the SDK can still attach one.
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        this.attempts = attempts;
        this.attemptFailures = List.copyOf(earlierFailures);
    }

    /**
     * How many HTTP attempts the failed call made; 0 when it failed before sending anything, or when the failure is
     * not about a single call.
     *
     * @return the number of attempts, the last one included
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Why each attempt before the last one failed, oldest first; empty when there was no retry.
     *
     * @return one line per earlier attempt
     */
    public List<String> attemptFailures() {
        return attemptFailures;
    }

    /**
     * Whether the same call may succeed if it is made again later: true for rate limiting (429), a gateway or
     * availability error (502, 503, 504), and a failed or timed-out connection; false for everything that will fail
     * the same way until something changes (a refused plugin, a bad token, a missing control plane). The SDK already
     * retried as its {@link RetryPolicy} allows; this tells a caller whether retrying at a higher level (a later run,
     * a job queue) makes sense.
     *
     * @return true when the failure is transient
     */
    public boolean retryable() {
        return false;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        if (attemptFailures.isEmpty()) {
            return message;
        }
        StringBuilder out = new StringBuilder(message).append(" (gave up after ").append(attempts)
                .append(attempts == 1 ? " attempt" : " attempts").append("; earlier attempts: ");
        for (int i = 0; i < attemptFailures.size(); i++) {
            out.append(i == 0 ? "" : "; ").append('#').append(i + 1).append(' ').append(attemptFailures.get(i));
        }
        return out.append(')').toString();
    }
}
