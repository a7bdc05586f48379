package dev.konnectplugins;

import dev.konnectplugins.internal.Futures;
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
        return call.handle((value, failure) -> {
            if (failure == null) {
                return Optional.of(value);
            }
            if (Futures.unwrap(failure) instanceof NotFoundException) {
                return Optional.<T>empty();
            }
            throw Futures.rethrowable(failure);
        });
    }

    /** Deleting what is already gone is success: the caller's goal, absence, holds. */
    static CompletableFuture<Void> ignoreNotFound(CompletableFuture<?> call) {
        return call.handle((value, failure) -> {
            if (failure == null || Futures.unwrap(failure) instanceof NotFoundException) {
                return null;
            }
            throw Futures.rethrowable(failure);
        });
    }

    /**
     * The cursor of the next page, or null on the last one. A blank cursor, an empty page, or a cursor that does
     * not move ends the listing, so a misbehaving server cannot make iteration loop forever.
     */
    static String nextCursor(String returned, String requested, boolean emptyPage) {
        if (returned == null || returned.isBlank() || emptyPage || returned.equals(requested)) {
            return null;
        }
        return returned;
    }
}
