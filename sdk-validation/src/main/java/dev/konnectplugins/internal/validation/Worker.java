package dev.konnectplugins.internal.validation;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * Runs each validation on a thread of its own with a large stack, started for the call and ended with it. luaj's
 * parser, its interpreter and our AST walk all recurse; nesting is capped by {@code LuaDialect}, and the large stack
 * keeps the capped depths far from a StackOverflowError on any JVM's default thread stack.
 *
 * <p>No thread outlives the call (a pool's idle threads kept {@code mvn exec:java} waiting about 15 s at exit), and
 * at most one validation per processor runs at a time (at least two): each may use up to the evaluation's memory
 * limit, so this bounds what concurrent callers can make the validator hold. The others wait their turn.
 */
public final class Worker {
    private static final long STACK_BYTES = 256L << 20;
    private static final Semaphore RUNNING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()),
            true);

    /** Runs {@code task} on a large-stack thread and returns its result, rethrowing its unchecked failures. */
    public static <T> T call(Callable<T> task) {
        try {
            RUNNING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to validate", e);
        }
        Outcome<T> outcome = new Outcome<>();
        Thread thread;
        try {
            thread = new Thread(null, () -> outcome.run(task), "konnect-plugins-validation", STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            RUNNING.release();
            throw e;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            // The validation ends on its own within its limits; it releases its permit then.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while validating", e);
        }
        return outcome.get();
    }

    /** The result or failure of a task, written by its thread before it ends (join makes it visible). */
    private static final class Outcome<T> {
        private T value;
        private Throwable failure;

        void run(Callable<T> task) {
            try {
                value = task.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                RUNNING.release();
            }
        }

        T get() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }

    private Worker() {
    }
}
