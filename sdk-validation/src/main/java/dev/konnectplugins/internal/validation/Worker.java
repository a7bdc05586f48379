package dev.konnectplugins.internal.validation;

import dev.konnectplugins.internal.DaemonThreads;
import dev.konnectplugins.internal.validation.sandbox.Limit;
import dev.konnectplugins.internal.validation.sandbox.LimitExceeded;
import dev.konnectplugins.internal.validation.sandbox.Watchdog;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs each validation on a thread with a large stack, from a pool of daemon threads. luaj's parser, its interpreter
 * and our AST walk all recurse; nesting is capped by {@code LuaDialect}, and the large stack keeps the capped depths
 * far from a StackOverflowError on any JVM's default thread stack.
 *
 * <p>The threads are reused: starting a thread for each validation, and touching its stack afresh, was a tenth of the
 * CPU of a folder of 100 plugins. A validation leaves nothing on its thread: its watchdog and string library are
 * unbound, and an interrupt meant for it is cleared, before the thread takes other work. Idle threads end after
 * {@link #IDLE_SECONDS}, or when interrupted ({@code mvn exec:java} does that at exit). At most one validation per
 * processor runs at a time (at least two): each may use up to the evaluation's memory limit, so this bounds what
 * concurrent callers can make the validator hold. The others wait their turn.
 *
 * <p>The caller waits until the {@link Limit#WALL_CLOCK} deadline (and a short grace for the worker to notice it),
 * not longer: a validation still running then is abandoned. Its {@link Watchdog} makes it throw at its next budget
 * check, and its thread is interrupted, so that it cannot wait on a coroutine; the thread is a daemon, so it cannot
 * keep the JVM alive.
 */
public final class Worker {
    private static final long STACK_BYTES = 256L << 20;
    /** How long past the deadline the caller waits for the worker to stop by itself and report where it was. */
    private static final long GRACE_MILLIS = 2_000;
    private static final long IDLE_SECONDS = 10;
    private static final Semaphore RUNNING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()),
            true);
    private static final ExecutorService THREADS = DaemonThreads.pool("konnect-plugins-validation", STACK_BYTES,
            IDLE_SECONDS);

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
        Outcome<T> outcome = new Outcome<>(new Watchdog(wallClockMillis), task);
        try {
            THREADS.execute(outcome);
        } catch (RuntimeException | Error e) {
            RUNNING.release();
            throw e;
        }
        try {
            if (!outcome.await(wallClockMillis + graceMillis)) {
                outcome.abandon();
                throw Watchdog.expired();
            }
        } catch (InterruptedException e) {
            outcome.abandon();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while validating", e);
        }
        return outcome.get();
    }

    /** One validation on a pooled thread: its result or failure, written before {@link #await} returns true. */
    private static final class Outcome<T> implements Runnable {
        private final Watchdog watchdog;
        private final Callable<T> task;
        private final CountDownLatch done = new CountDownLatch(1);
        /** The thread running the task, until the task ends; guarded by this. */
        private Thread running;
        private T value;
        private Throwable failure;

        Outcome(Watchdog watchdog, Callable<T> task) {
            this.watchdog = watchdog;
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (this) {
                running = Thread.currentThread();
            }
            watchdog.install();
            try {
                value = task.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                Watchdog.release();
                synchronized (this) {
                    running = null;
                    Thread.interrupted(); // an abandon's interrupt was for this task only
                }
                RUNNING.release();
                done.countDown();
            }
        }

        boolean await(long millis) throws InterruptedException {
            return done.await(millis, TimeUnit.MILLISECONDS);
        }

        /** The task stops at its next check and stops waiting on a coroutine; nobody waits for it. */
        synchronized void abandon() {
            watchdog.abandon();
            if (running != null) {
                running.interrupt();
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
