package dev.konnectplugins.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client-wide request rate: a token bucket holding one token, refilled every {@code 1/rate} seconds, shared by
 * every thread and call of a client, retries included. Requests are spaced evenly rather than let through in bursts:
 * a burst after a quiet spell is what pushes a client over a server's per-second limit.
 *
 * <p>A request reserves the next free slot and is told how long to wait for it, so waiting happens outside the lock
 * and on whatever the caller chooses (a blocked thread, or a timer for an async call not yet started).
 */
public final class RateLimiter {
    private final double requestsPerSecond;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** When the next request may start, on {@link #nanoTime}'s scale. */
    private long nextFree;
    private boolean used;

    /**
     * @param requestsPerSecond the rate, positive and finite
     * @param nanoTime          a monotonic clock, such as {@code System::nanoTime}
     */
    public RateLimiter(double requestsPerSecond, LongSupplier nanoTime) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be a positive number, got "
                    + requestsPerSecond);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.intervalNanos = Math.max(1L, Math.round(1_000_000_000d / requestsPerSecond));
        this.nanoTime = nanoTime;
    }

    /** {@return how long to wait before sending, zero when a request may go now; the slot is then taken} */
    public Duration reserve() {
        long now = nanoTime.getAsLong();
        long start;
        synchronized (this) {
            start = used && nextFree - now > 0 ? nextFree : now;
            used = true;
            nextFree = start + intervalNanos;
        }
        return Duration.ofNanos(start - now);
    }

    /** {@return the rate, as configured} */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** {@return the rate, as the time between two requests} */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    @Override
    public String toString() {
        return "RateLimiter{interval=" + interval() + "}";
    }
}
