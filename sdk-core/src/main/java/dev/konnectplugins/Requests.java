package dev.konnectplugins;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Small rules shared by the resource clients. */
final class Requests {
    private Requests() {
    }

    /** Client-side check of a path parameter: Konnect cannot answer a blank id meaningfully. */
    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** The result of {@code call}, or empty when it throws a {@link NotFoundException}. */
    static <T> Optional<T> emptyWhenNotFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Deleting what is already gone is success: the caller's goal, absence, holds. */
    static void ignoreNotFound(Runnable call) {
        try {
            call.run();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /**
     * The {@code offset} query parameter of a {@code next} link (absolute or relative), or null. Konnect sends both
     * {@code next} and {@code offset}; this covers an answer that only has the link.
     */
    static String offsetFromNextLink(String next) {
        if (next == null || next.isBlank()) {
            return null;
        }
        int query = next.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : next.substring(query + 1).split("&")) {
            if (parameter.startsWith("offset=")) {
                return URLDecoder.decode(parameter.substring("offset=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The cursor of the next page, or null on the last one. An absent or blank cursor ends the listing; so does a
     * cursor that does not move, so a misbehaving server cannot make iteration loop forever. An empty page with a
     * cursor does not: Konnect's contract is to follow {@code offset} until it is absent.
     */
    static String nextCursor(String returned, String requested) {
        if (returned == null || returned.isBlank() || returned.equals(requested)) {
            return null;
        }
        return returned;
    }
}
