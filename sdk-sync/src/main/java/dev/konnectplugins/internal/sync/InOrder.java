package dev.konnectplugins.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies a function to independent items on several threads and returns the results in the items' order, so that
 * what a caller reports does not depend on the number of threads. The validation of a folder's plugins (the CLI's
 * {@code validate}, and sync before it plans) runs this way.
 */
public final class InOrder {
    private InOrder() {
    }

    /**
     * {@code work} applied to each item, on up to {@code threads} daemon threads named {@code name}; a failure of
     * {@code work} is rethrown as it was (an unchecked exception), the first in the items' order.
     */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Function<T, R> work) {
        int size = Math.min(threads, items.size());
        if (size <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
