package dev.konnectplugins.internal.validation;

import dev.konnectplugins.internal.validation.sandbox.Limit;
import dev.konnectplugins.internal.validation.sandbox.LimitExceeded;
import dev.konnectplugins.internal.validation.sandbox.Watchdog;
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
 *
 * <p>The caller waits until the {@link Limit#WALL_CLOCK} deadline (and a short grace for the worker to notice it),
 * not longer: a validation still running then is abandoned. Its {@link Watchdog} makes it throw at its next budget
 * check; the thread is a daemon and interrupted, so it can neither keep the JVM alive nor wait on a coroutine.
 */
public final class Worker {
    private static final long STACK_BYTES = 256L << 20;
    /** How long past the deadline the caller waits for the worker to stop by itself and report where it was. */
    private static final long GRACE_MILLIS = 2_000;
    private static final Semaphore RUNNING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()),
            true);

    /**
     * Runs {@code task} on a large-stack thread and returns its result, rethrowing its unchecked failures.
     *
     * @throws LimitExceeded ({@link Limit#WALL_CLOCK}) when the task did not end in time and was abandoned
     */
    public static <T> T call(Callable<T> task) {
        return call(task, Limit.WALL_CLOCK.value(), GRACE_MILLIS);
    }

    /** {@link #call(Callable)} with another deadline, in milliseconds, and grace after it. */
    static <T> T call(Callable<T> task, long wallClockMillis, long graceMillis) {
        Preload.awaitIfRunning();
        try {
            RUNNING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to validate", e);
        }
        Outcome<T> outcome = new Outcome<>();
        Watchdog watchdog = new Watchdog(wallClockMillis);
        Thread thread;
        try {
            thread = new Thread(null, () -> outcome.run(watchdog, task), "konnect-plugins-validation", STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            RUNNING.release();
            throw e;
        }
        try {
            thread.join(wallClockMillis + graceMillis);
        } catch (InterruptedException e) {
            abandon(watchdog, thread);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while validating", e);
        }
        if (thread.isAlive()) {
            abandon(watchdog, thread);
            throw Watchdog.expired();
        }
        return outcome.get();
    }

    /** The thread stops at its next check and releases its permit then; nobody waits for it. */
    private static void abandon(Watchdog watchdog, Thread thread) {
        watchdog.abandon();
        thread.interrupt();
    }

    /** The result or failure of a task, written by its thread before it ends (join makes it visible). */
    private static final class Outcome<T> {
        private T value;
        private Throwable failure;

        void run(Watchdog watchdog, Callable<T> task) {
            watchdog.install();
            try {
                value = task.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                Watchdog.release();
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
