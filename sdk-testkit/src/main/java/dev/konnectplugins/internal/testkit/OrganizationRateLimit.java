package dev.konnectplugins.internal.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The fake's request rate limit for the whole organisation, as Konnect's is: every authenticated request to Konnect's
 * paths counts, whichever control plane it names. Fixed windows, as Kong's rate-limiting plugin counts: at most
 * {@code requests} in each window, a window starting every {@code window} from the moment the limit was set; a
 * refused request does not count. Thread-safe: Jetty's request threads share it.
 */
public final class OrganizationRateLimit {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private Settings settings;
    private long origin;
    private long currentWindow;
    private int used;
    private long refused;

    /** No limit until {@link #set} is called. */
    public OrganizationRateLimit(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * What a limit allows.
     *
     * @param requests how many requests a window admits, at least 1
     * @param window   the length of a window, at least one millisecond
     */
    public record Settings(int requests, Duration window) {
        public Settings {
            if (requests < 1) {
                throw new IllegalArgumentException("A rate limit must admit at least 1 request a window, not "
                        + requests);
            }
            if (window == null || window.toMillis() < 1) {
                throw new IllegalArgumentException("A rate-limit window must be at least 1 ms, not " + window);
            }
        }
    }

    /** Starts counting anew under these settings, or turns the limit off with null. */
    public synchronized void set(Settings newSettings) {
        settings = newSettings;
        origin = nanoTime.getAsLong();
        currentWindow = 0;
        used = 0;
    }

    /** {@return the limit in force, empty when there is none} */
    public synchronized Optional<Settings> settings() {
        return Optional.ofNullable(settings);
    }

    /**
     * Counts a request against the limit.
     *
     * @return empty when the request may be served; otherwise how long until the window ends, in whole seconds
     *         (rounded up, at least 1), for {@code Retry-After}
     */
    public synchronized Optional<Long> admit() {
        if (settings == null) {
            return Optional.empty();
        }
        long windowNanos = settings.window().toNanos();
        long elapsed = nanoTime.getAsLong() - origin;
        long window = elapsed / windowNanos;
        if (window != currentWindow) {
            currentWindow = window;
            used = 0;
        }
        if (used < settings.requests()) {
            used++;
            return Optional.empty();
        }
        refused++;
        long untilNextWindow = (window + 1) * windowNanos - elapsed;
        return Optional.of(Math.max(1L, (untilNextWindow + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    /** {@return how many requests the limit has refused since the fake started or was reset} */
    public synchronized long refused() {
        return refused;
    }

    /** Back to the given settings (null for none), with nothing counted. */
    public synchronized void reset(Settings initial) {
        set(initial);
        refused = 0;
    }
}
