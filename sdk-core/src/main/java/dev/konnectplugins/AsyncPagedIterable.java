package dev.konnectplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A listing fetched without blocking: page by page, or all at once.
 *
 * @param <T> the item type
 */
public final class AsyncPagedIterable<T> {
    private final Supplier<CompletableFuture<Page<T>>> firstPage;

    AsyncPagedIterable(Supplier<CompletableFuture<Page<T>>> firstPage) {
        this.firstPage = firstPage;
    }

    /**
     * Fetches the first page; follow with {@link Page#nextAsync()}.
     *
     * @return the first page; fails with a {@link KonnectException} when it cannot be fetched
     */
    public CompletableFuture<Page<T>> firstPage() {
        return firstPage.get();
    }

    /**
     * Hands each page to {@code consumer} as it arrives; completes after the last page.
     *
     * @param consumer receives each page, on the thread that completed its request
     * @return completes after the last page was handed over; fails with the first error, and no page follows it
     */
    public CompletableFuture<Void> forEachPage(Consumer<? super Page<T>> consumer) {
        return firstPage().thenCompose(page -> visit(page, consumer));
    }

    /**
     * Fetches every page and completes with all items, in order.
     *
     * @return every item of every page; fails with the first error of any page
     */
    public CompletableFuture<List<T>> collectAll() {
        List<T> all = new ArrayList<>();
        return forEachPage(page -> all.addAll(page.items())).thenApply(done -> all);
    }

    private CompletableFuture<Void> visit(Page<T> page, Consumer<? super Page<T>> consumer) {
        consumer.accept(page);
        if (!page.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        return page.nextAsync().thenCompose(next -> visit(next, consumer));
    }
}
