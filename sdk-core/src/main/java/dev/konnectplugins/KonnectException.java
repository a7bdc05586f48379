package dev.konnectplugins;

import java.util.List;

/**
 * The root of every exception this SDK throws. Unchecked, so it composes with lambdas and streams.
 *
 * <p>When a call was retried, {@link #attempts()} says how many HTTP attempts were made and
 * {@link #attemptFailures()} why each earlier one failed; the exception itself describes the last.
 */
public class KonnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private volatile List<String> attemptFailures = List.of();
    private volatile int attempts;

    public KonnectException(String message) {
        super(message);
    }

    public KonnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How many HTTP attempts the failed call made; 0 when it failed before sending anything. */
    public int attempts() {
        return attempts;
    }

    /** Why each attempt before the last one failed, oldest first; empty when there was no retry. */
    public List<String> attemptFailures() {
        return attemptFailures;
    }

    /**
     * Records the retry history; called once by the SDK when it gives up.
     *
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per earlier attempt
     */
    public KonnectException withAttempts(int attempts, List<String> earlierFailures) {
        this.attempts = attempts;
        this.attemptFailures = List.copyOf(earlierFailures);
        return this;
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
