package dev.konnectplugins;

import dev.konnectplugins.internal.Futures;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One page of a listing, as Konnect returned it, with the means to fetch the next one.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String continuation;
    private final Function<String, CompletableFuture<Page<T>>> fetcher;

    Page(List<T> items, String continuation, Function<String, CompletableFuture<Page<T>>> fetcher) {
        this.items = List.copyOf(items);
        this.continuation = continuation;
        this.fetcher = fetcher;
    }

    /** The items of this page, in Konnect's order. */
    public List<T> items() {
        return items;
    }

    /** Whether Konnect has more items after this page. */
    public boolean hasNext() {
        return continuation != null;
    }

    /** Konnect's cursor for the next page ({@code offset}), or null on the last page. */
    public String continuationToken() {
        return continuation;
    }

    /** Fetches the next page without blocking. */
    public CompletableFuture<Page<T>> nextAsync() {
        if (!hasNext()) {
            return CompletableFuture.failedFuture(new NoSuchElementException("This is the last page"));
        }
        return fetcher.apply(continuation);
    }

    /** Fetches the next page, blocking. */
    public Page<T> next() {
        return Futures.join(nextAsync());
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items" + (hasNext() ? ", more" : ", last") + "}";
    }
}
