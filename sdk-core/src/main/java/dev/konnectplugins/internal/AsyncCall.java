package dev.konnectplugins.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A blocking call run on an executor, as a future that completes on that executor's thread. Cancelling it interrupts
 * the thread running it, which stops the call (its retries and waits too).
 *
 * @param <T> the call's result
 */
final class AsyncCall<T> extends CompletableFuture<T> implements Runnable {
    private final Supplier<? extends T> work;
    private Thread runner;
    private boolean interrupted;

    AsyncCall(Supplier<? extends T> work) {
        this.work = work;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (isDone()) {
                return;
            }
            runner = Thread.currentThread();
        }
        try {
            complete(work.get());
        } catch (Throwable failure) {
            // Errors too: a future left incomplete would make its caller wait forever.
            completeExceptionally(failure);
        } finally {
            boolean clear;
            synchronized (this) {
                runner = null;
                clear = interrupted;
            }
            if (clear) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            synchronized (this) {
                if (runner != null) {
                    interrupted = true;
                    runner.interrupt();
                }
            }
        }
        return cancelled;
    }
}
