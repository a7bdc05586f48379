package dev.konnectplugins;

import java.time.Duration;
import java.util.Optional;

/** 429 Too Many Requests, after the retry policy's attempts were used up. */
public class RateLimitedException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details);
        this.retryAfter = retryAfter;
    }

    /** How long Konnect asked to wait ({@code Retry-After}); empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
