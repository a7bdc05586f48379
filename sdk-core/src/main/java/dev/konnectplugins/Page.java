package dev.konnectplugins;

import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.ListingWalk;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a listing, as Konnect returned it, with the means to fetch the next one. Following pages from a first
 * page is bounded: a cursor that repeats one of an earlier page, more pages than {@code Konnect.Builder.maxListPages}
 * or more items than {@code maxListItems} end the listing with a {@link KonnectApiException}.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String continuation;
    private final Function<String, Page<T>> fetcher;
    private final HttpPipeline pipeline;
    /** The pass over the listing this page belongs to, shared with the pages before and after it. */
    private final ListingWalk walk;
    /** This page's number in its pass, from 1. */
    private final int number;
    /** The items of this page and of every page before it in its pass. */
    private final long itemsSoFar;

    /**
     * A first page: it starts a new pass over the listing.
     *
     * @param items    a list nobody else holds (not copied)
     * @param fetcher  fetches the page at a cursor, blocking
     * @param pipeline runs {@link #nextAsync()}
     * @param path     the request's path, to name the listing in errors
     */
    Page(List<T> items, String continuation, Function<String, Page<T>> fetcher, HttpPipeline pipeline,
         String path) {
        this(items, continuation, fetcher, pipeline,
                new ListingWalk(pipeline.settings().listingLimits(), path), 1, items.size());
    }

    private Page(List<T> items, String continuation, Function<String, Page<T>> fetcher, HttpPipeline pipeline,
                 ListingWalk walk, int number, long itemsSoFar) {
        this.items = Collections.unmodifiableList(items);
        this.continuation = continuation;
        this.fetcher = fetcher;
        this.pipeline = pipeline;
        this.walk = walk;
        this.number = number;
        this.itemsSoFar = itemsSoFar;
        walk.count(itemsSoFar);
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
     *     {@link KonnectException} (a {@link KonnectApiException} when the listing loops or goes past its limits)
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
     * @throws KonnectApiException when the cursor repeats an earlier page's, or the listing goes past its limits
     */
    public Page<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("This is the last page");
        }
        return successor().get();
    }

    /**
     * Fetches the next page without holding on to this one, so that a listing keeps one page in memory, not two.
     */
    Supplier<Page<T>> successor() {
        Function<String, Page<T>> fetch = fetcher;
        String cursor = continuation;
        ListingWalk pass = walk;
        int at = number;
        long before = itemsSoFar;
        return () -> {
            pass.follow(cursor, at);
            Page<T> fetched = fetch.apply(cursor);
            return new Page<>(fetched.items, fetched.continuation, fetched.fetcher, fetched.pipeline, pass, at + 1,
                    before + fetched.items.size());
        };
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items" + (hasNext() ? ", more" : ", last") + "}";
    }
}
