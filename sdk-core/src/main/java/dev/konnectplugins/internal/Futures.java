package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectTransportException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Turns the async core into the blocking API without wrapping the SDK's exceptions. */
public final class Futures {
    private Futures() {
    }

    /**
     * Waits for the future and returns its value, rethrowing the SDK exception it failed with as is.
     * An interrupt cancels the call and keeps the thread's interrupt flag.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KonnectTransportException("Interrupted while waiting for Konnect", e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (CancellationException e) {
            throw new KonnectTransportException("The call was cancelled", e);
        }
    }

    /**
     * {@code source.thenApply(mapper)}, where cancelling the result also cancels {@code source}, so that a caller who
     * gives up on a call also stops its retries.
     */
    public static <T, U> CompletableFuture<U> map(CompletableFuture<T> source, Function<? super T, ? extends U> mapper) {
        return cancelling(source.thenApply(mapper), source);
    }

    /** Returns {@code derived}, arranged so that cancelling it cancels {@code source} too. */
    public static <U> CompletableFuture<U> cancelling(CompletableFuture<U> derived, CompletableFuture<?> source) {
        derived.whenComplete((value, failure) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** The unchecked exception to rethrow for a future's failure cause. */
    public static RuntimeException rethrowable(Throwable cause) {
        Throwable unwrapped = unwrap(cause);
        if (unwrapped instanceof RuntimeException) {
            return (RuntimeException) unwrapped;
        }
        if (unwrapped instanceof Error) {
            throw (Error) unwrapped;
        }
        return new KonnectException("Unexpected failure: " + unwrapped, unwrapped);
    }

    /** Strips the CompletionException/ExecutionException layers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
