package dev.konnectplugins;

import java.util.List;
import java.util.Objects;

/**
 * Everything known about one error answer from Konnect, decoded from any of its error shapes.
 * The SDK builds these; they are public so that tests can construct the exceptions.
 *
 * @param method            HTTP method of the request
 * @param path              path and query of the request
 * @param statusCode        HTTP status of the answer
 * @param konnectMessage    Konnect's words (problem {@code detail}, or {@code message}); may be empty
 * @param traceId           correlation id, or null
 * @param invalidParameters the fields Konnect rejected, possibly empty
 * @param rawBody           the body exactly as received
 */
public record ErrorDetails(String method, String path, int statusCode, String konnectMessage, String traceId,
                           List<InvalidParameter> invalidParameters, String rawBody) {
    /**
     * Checks method and path; a missing message or body becomes empty, the parameters an immutable copy.
     *
     * @param method the HTTP method of the failed request, such as {@code POST}
     * @param path the path (and query) of the failed request
     * @param statusCode the HTTP status Konnect answered with
     * @param konnectMessage Konnect's own message; null becomes empty
     * @param traceId Konnect's correlation id, or null when it sent none
     * @param invalidParameters the fields Konnect rejected; null becomes empty
     * @param rawBody the response body as received; null becomes empty
     */
    public ErrorDetails {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        konnectMessage = konnectMessage == null ? "" : konnectMessage;
        invalidParameters = List.copyOf(invalidParameters);
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** One line for an exception message: Konnect's words, method, path, status, fields and trace id. */
    String describe() {
        // Konnect's words first (they say what failed), then the request as a person reads it: no query, decoded.
        String request = new dev.konnectplugins.internal.ApiRequest(method, path, null).describe();
        StringBuilder out = konnectMessage.isEmpty()
                ? new StringBuilder(request).append(" failed: HTTP ").append(statusCode)
                : new StringBuilder(konnectMessage).append(" (").append(request).append(": HTTP ").append(statusCode)
                        .append(')');
        if (!invalidParameters.isEmpty()) {
            out.append(" [");
            for (int i = 0; i < invalidParameters.size(); i++) {
                out.append(i == 0 ? "" : "; ").append(invalidParameters.get(i));
            }
            out.append(']');
        }
        if (traceId != null) {
            out.append(" (trace id ").append(traceId).append(')');
        }
        return out.toString();
    }
}
