package dev.konnectplugins.internal;

import dev.konnectplugins.ErrorDetails;
import dev.konnectplugins.KonnectApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One pass over a listing, from its first page: remembers every cursor followed (by digest, as a hostile cursor
 * may be megabytes long) and ends the listing with a {@link KonnectApiException} when the server sends a cursor seen
 * before (a loop), or when the pass goes past {@link ListingLimits}. Shared by the pages of one pass, which may be
 * fetched from different threads.
 */
public final class ListingWalk {
    private final ListingLimits limits;
    private final String path;
    /** The digest of each cursor followed, with the number of the page that sent it. */
    private final Map<String, Integer> cursors = new HashMap<>();

    /**
     * @param limits the caps of this listing
     * @param path   the listing's path without its query, to name it in errors
     */
    public ListingWalk(ListingLimits limits, String path) {
        this.limits = limits;
        int query = path.indexOf('?');
        this.path = query < 0 ? path : path.substring(0, query);
    }

    /**
     * Checks that page {@code page + 1} may be fetched at {@code cursor}, which page {@code page} sent.
     *
     * @throws KonnectApiException when the cursor was sent by another page before, or the page cap is reached
     */
    public synchronized void follow(String cursor, int page) {
        if (page >= limits.maxPages()) {
            throw failure("the listing did not end after " + limits.maxPages() + " pages (the limit; raise it with "
                    + "Konnect.builder().maxListPages(...) if this control plane is that large)");
        }
        Integer sentBy = cursors.putIfAbsent(digest(cursor), page);
        // The same page fetched again (a caller calling next() twice) sends the same cursor: that is no loop.
        if (sentBy != null && sentBy != page) {
            throw failure("the server's next-page cursor on page " + page + " repeats the one of page " + sentBy
                    + ": the listing would loop for ever, so it was stopped");
        }
    }

    /**
     * Checks the running total after a page arrived.
     *
     * @throws KonnectApiException when the listing holds more than the item cap
     */
    public void count(long itemsSoFar) {
        if (itemsSoFar > limits.maxItems()) {
            throw failure("the listing went past " + limits.maxItems() + " items (the limit; raise it with "
                    + "Konnect.builder().maxListItems(...) if this control plane is that large)");
        }
    }

    private KonnectApiException failure(String message) {
        return new KonnectApiException(new ErrorDetails("GET", path, 200, message, null, List.of(), null));
    }

    private static String digest(String cursor) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cursor.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
