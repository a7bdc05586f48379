package dev.konnectplugins.internal;

import java.io.IOException;

/** An answer longer than {@code maxResponseBytes}: reading stopped there, the connection was dropped. */
final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long limit, long declared) {
        super("the answer is larger than maxResponseBytes (" + limit + " bytes"
                + (declared > limit ? "; Content-Length says " + declared : "") + ")");
    }
}
