package dev.konnectplugins;

import dev.konnectplugins.internal.HttpPipeline;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a listing, as Konnect returned it, with the means to fetch the next one.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String continuation;
    private final Function<String, Page<T>> fetcher;
    private final HttpPipeline pipeline;

    /**
     * @param items    a list nobody else holds (not copied)
     * @param fetcher  fetches the page at a cursor, blocking
     * @param pipeline runs {@link #nextAsync()}
     */
    Page(List<T> items, String continuation, Function<String, Page<T>> fetcher, HttpPipeline pipeline) {
        this.items = Collections.unmodifiableList(items);
        this.continuation = continuation;
        this.fetcher = fetcher;
        this.pipeline = pipeline;
    }

    /** {@return the items of this page, in Konnect's order} */
    public List<T> items() {
        return items;
    }

    /** {@return whether Konnect has more items after this page} */
    public boolean hasNext() {
        return continuation != null;
    }

    /** {@return Konnect's cursor for the next page ({@code offset}), or null on the last page} */
    public String continuationToken() {
        return continuation;
    }

    /**
     * Fetches the next page without blocking.
     *
     * @return the next page; fails with {@link java.util.NoSuchElementException} when this is the last page, or with a
     *     {@link KonnectException}
     */
    public CompletableFuture<Page<T>> nextAsync() {
        if (!hasNext()) {
            return CompletableFuture.failedFuture(new NoSuchElementException("This is the last page"));
        }
        return pipeline.async(successor());
    }

    /**
     * Fetches the next page, blocking.
     *
     * @return the next page
     * @throws java.util.NoSuchElementException when this is the last page
     */
    public Page<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("This is the last page");
        }
        return fetcher.apply(continuation);
    }

    /**
     * Fetches the next page without holding on to this one, so that a listing keeps one page in memory, not two.
     */
    Supplier<Page<T>> successor() {
        Function<String, Page<T>> fetch = fetcher;
        String cursor = continuation;
        return () -> fetch.apply(cursor);
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items" + (hasNext() ? ", more" : ", last") + "}";
    }
}
