package dev.konnectplugins;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** 429 Too Many Requests, after the retry policy's attempts were used up. */
public class RateLimitedException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /** Konnect's Retry-After, or null. */
    private final Duration retryAfter;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details    the decoded answer
     * @param retryAfter how long Konnect asked to wait, or null
     */
    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        this(details, retryAfter, 0, List.of());
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param retryAfter      how long Konnect asked to wait, or null
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public RateLimitedException(ErrorDetails details, Duration retryAfter, int attempts,
                                List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
        this.retryAfter = retryAfter;
    }

    /**
     * How long Konnect asked to wait ({@code Retry-After}); empty when it did not say.
     *
     * @return the wait Konnect asked for, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
