package dev.konnectplugins;

import dev.konnectplugins.internal.Futures;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing that fetches pages lazily, as iteration reaches them. Each iteration starts again from the first page.
 *
 * <pre>{@code
 * for (CustomPlugin plugin : plugins.list()) { ... }
 * List<String> names = plugins.list().stream().map(CustomPlugin::getName).toList();
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Supplier<Page<T>> firstPage;

    private PagedIterable(Supplier<Page<T>> firstPage) {
        this.firstPage = firstPage;
    }

    /** The blocking view of an async listing: each page is awaited when iteration reaches it. */
    static <T> PagedIterable<T> of(AsyncPagedIterable<T> pages) {
        return new PagedIterable<>(() -> Futures.join(pages.firstPage()));
    }

    /** Iterates over every item of every page, fetching pages as needed. */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = iterableByPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = pages.next().items().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** A sequential stream of every item; pages are fetched as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Iterates page by page, fetching each when reached. */
    public Iterable<Page<T>> iterableByPage() {
        return () -> new Iterator<>() {
            private Page<T> current;

            @Override
            public boolean hasNext() {
                return current == null || current.hasNext();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                current = current == null ? firstPage.get() : current.next();
                return current;
            }
        };
    }

    /** A stream of pages, fetched as the stream is consumed. */
    public Stream<Page<T>> streamByPage() {
        return StreamSupport.stream(iterableByPage().spliterator(), false);
    }
}
