package dev.konnectplugins.internal.validation;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs validations on daemon threads with a large stack. luaj's parser, its interpreter and our AST walk all
 * recurse; nesting is capped by {@code LuaDialect}, and the large stack keeps the capped depths far from a
 * StackOverflowError on any JVM's default thread stack.
 */
public final class Worker {
    private static final long STACK_BYTES = 256L << 20;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "konnect-plugins-validation", STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code task} on a large-stack thread and returns its result, rethrowing its unchecked failures. */
    public static <T> T call(Callable<T> task) {
        Future<T> future = POOL.submit(task);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while validating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Worker() {
    }
}
