package dev.konnectplugins.internal;

/**
 * How far one listing may go before the client stops following the server's cursors: a server that never says
 * "last page" cannot keep a listing running, or growing, for ever.
 *
 * @param maxPages the most pages one listing fetches
 * @param maxItems the most items one listing returns, all pages together
 */
public record ListingLimits(int maxPages, long maxItems) {
    public ListingLimits {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxListPages must be positive, got " + maxPages);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxListItems must be positive, got " + maxItems);
        }
    }
}
