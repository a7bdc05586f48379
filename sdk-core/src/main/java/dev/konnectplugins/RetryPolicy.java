package dev.konnectplugins;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how a failed call is tried again. Fixed when the client is built.
 *
 * <p>What is retried, by default:
 * <ul>
 *   <li>429 Too Many Requests, on every method: Konnect refused before doing anything;</li>
 *   <li>502, 503 and 504, and I/O failures or attempt timeouts, on GET, PUT and DELETE only: repeating them is
 *       harmless, while a POST that may have reached Konnect could create the plugin twice;</li>
 *   <li>a POST only when the connection was never made (refused, or the connect timeout fired).</li>
 * </ul>
 * The wait before attempt {@code n+1} is a random duration between zero and
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter"), unless Konnect said how long to wait with
 * {@code Retry-After} or {@code retry-after-ms}, which is honoured up to {@code maxBackoff}.
 *
 * <p>The decision itself is {@link #retryDelay(String, int, int, Duration, double)} and
 * {@link #retryDelay(String, IOException, int, double)}: pure functions of the request, what came back and the
 * attempt count. The client adds one rule of its own: no wait may end after the call's total timeout.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Set<Integer> retryableStatuses;
    private final boolean retryIoFailures;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.retryableStatuses = Set.copyOf(builder.retryableStatuses);
        this.retryIoFailures = builder.retryIoFailures;
    }

    /**
     * 3 attempts, 500 ms initial backoff, 30 s maximum, 429 always and 502/503/504 on idempotent calls.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Never retry: every call makes exactly one attempt.
     *
     * @return a policy of one attempt
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Attempts per call, including the first; 1 means no retry.
     *
     * @return the attempt count, at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the cap of the first backoff; it doubles for each further attempt} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the longest wait between two attempts, also the cap on a server's {@code Retry-After}} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The 5xx (or other) statuses retried on idempotent calls; 429 is always retried.
     *
     * @return the statuses, unmodifiable
     */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /**
     * Whether I/O failures and attempt timeouts are retried on idempotent calls.
     *
     * @return true when they are retried
     */
    public boolean retryIoFailures() {
        return retryIoFailures;
    }

    /**
     * Whether to try again after an error answer, and after how long.
     *
     * @param method     the request's HTTP method
     * @param status     the status of the error answer
     * @param attempts   attempts made so far, the one that got this answer included
     * @param serverWait what Konnect asked for ({@code Retry-After}), or null
     * @param jitter     a random number in [0, 1), drawn by the caller
     * @return the wait before the next attempt, or empty to give up
     */
    public Optional<Duration> retryDelay(String method, int status, int attempts, Duration serverWait,
                                         double jitter) {
        boolean retryable = status == 429 || (idempotent(method) && retryableStatuses.contains(status));
        if (!retryable || attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(serverWait != null ? min(serverWait, maxBackoff) : backoff(attempts, jitter));
    }

    /**
     * Whether to try again after an I/O failure or an attempt timeout, and after how long. A refused connection or
     * a connect timeout is retried even for a POST: the request never left.
     *
     * @param method   the request's HTTP method
     * @param failure  what went wrong
     * @param attempts attempts made so far, the failed one included
     * @param jitter   a random number in [0, 1), drawn by the caller
     * @return the wait before the next attempt, or empty to give up
     */
    public Optional<Duration> retryDelay(String method, IOException failure, int attempts, double jitter) {
        boolean neverReachedServer = failure instanceof ConnectException
                || failure instanceof HttpConnectTimeoutException;
        if (!retryIoFailures || attempts >= maxAttempts || !(idempotent(method) || neverReachedServer)) {
            return Optional.empty();
        }
        return Optional.of(backoff(attempts, jitter));
    }

    /** Full jitter: uniform in [0, min(maxBackoff, initialBackoff * 2^(attempts-1))]. */
    private Duration backoff(int attempts, double jitter) {
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempts - 1, 30));
        return Duration.ofMillis((long) (jitter * ceiling));
    }

    /** Sending it twice has the effect of once: every method but POST and PATCH. */
    private static boolean idempotent(String method) {
        return !"POST".equals(method) && !"PATCH".equals(method);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", retryableStatuses=" + new TreeSet<>(retryableStatuses) + ", retryIoFailures="
                + retryIoFailures + "}";
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Set<Integer> retryableStatuses = Set.of(502, 503, 504);
        private boolean retryIoFailures = true;

        private Builder() {
        }

        /**
         * Attempts per call including the first, at least 1.
         *
         * @param attempts the attempt count; 1 disables retries
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The cap of the first backoff, at least 1 ms.
         *
         * @param backoff a positive duration, not null
         * @return this builder
         */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive(backoff, "initialBackoff");
            return this;
        }

        /**
         * The longest wait between attempts, also capping {@code Retry-After}.
         *
         * @param backoff a positive duration, not null
         * @return this builder
         */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive(backoff, "maxBackoff");
            return this;
        }

        /**
         * The statuses (besides 429) that idempotent calls retry; default 502, 503, 504.
         *
         * @param statuses HTTP status codes, not null; empty for none
         * @return this builder
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (Integer status : statuses) {
                if (status == null || status < 400 || status > 599) {
                    throw new IllegalArgumentException("retryableStatuses must be 4xx or 5xx codes, got " + status);
                }
            }
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /**
         * Whether idempotent calls retry I/O failures and attempt timeouts; default true.
         *
         * @param retry false to fail on the first I/O failure
         * @return this builder
         */
        public Builder retryIoFailures(boolean retry) {
            this.retryIoFailures = retry;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalStateException when {@code initialBackoff} exceeds {@code maxBackoff}
         */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException("initialBackoff (" + initialBackoff + ") exceeds maxBackoff ("
                        + maxBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
            }
            return value;
        }
    }
}
