package dev.konnectplugins.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Waits without holding a thread; tests replace it to check backoff without sleeping. */
@FunctionalInterface
public interface Delayer {
    /** A future that completes after {@code wait}. */
    CompletableFuture<Void> after(Duration wait);
}
