package dev.konnectplugins;

import java.util.Collections;
import java.util.Iterator;
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

    /** A listing whose first page {@code firstPage} fetches, blocking; the others follow from it. */
    static <T> PagedIterable<T> of(Supplier<Page<T>> firstPage) {
        return new PagedIterable<>(firstPage);
    }

    /** Iterates over every item of every page, fetching pages as needed. */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = iterableByPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    // Let the finished page become garbage before the next one is fetched and parsed.
                    current = Collections.emptyIterator();
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

    /**
     * A sequential stream of every item; pages are fetched as the stream is consumed.
     *
     * @return the items; a failed page request throws its {@link KonnectException} from the stream's terminal
     *     operation
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Iterates page by page, fetching each when reached.
     *
     * @return the pages, in order
     */
    public Iterable<Page<T>> iterableByPage() {
        return () -> new Iterator<>() {
            /** What fetches the next page; it holds the cursor, not the page before, which may be collected. */
            private Supplier<Page<T>> next = firstPage;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> page = next.get();
                next = page.hasNext() ? page.successor() : null;
                return page;
            }
        };
    }

    /**
     * A stream of pages, fetched as the stream is consumed.
     *
     * @return the pages, in order
     */
    public Stream<Page<T>> streamByPage() {
        return StreamSupport.stream(iterableByPage().spliterator(), false);
    }
}
