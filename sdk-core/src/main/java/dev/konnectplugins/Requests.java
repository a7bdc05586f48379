package dev.konnectplugins;

import dev.konnectplugins.internal.Futures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /** Maps a {@link NotFoundException} to an empty result. */
    static <T> CompletableFuture<Optional<T>> emptyWhenNotFound(CompletableFuture<T> call) {
        return Futures.cancelling(call.handle((value, failure) -> {
            if (failure == null) {
                return Optional.of(value);
            }
            if (Futures.unwrap(failure) instanceof NotFoundException) {
                return Optional.<T>empty();
            }
            throw Futures.rethrowable(failure);
        }), call);
    }

    /** Deleting what is already gone is success: the caller's goal, absence, holds. */
    static CompletableFuture<Void> ignoreNotFound(CompletableFuture<?> call) {
        return Futures.cancelling(call.handle((value, failure) -> {
            if (failure == null || Futures.unwrap(failure) instanceof NotFoundException) {
                return (Void) null;
            }
            throw Futures.rethrowable(failure);
        }), call);
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
