package dev.konnectplugins;

import java.util.Optional;

/**
 * Konnect answered, and the answer was an error (or not the JSON that was expected).
 * Carries the HTTP status, Konnect's own words, its trace id when it gave one, and the raw body.
 */
public class KonnectApiException extends KonnectException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final int statusCode;
    private final String konnectMessage;
    private final String traceId;
    private final String rawBody;

    public KonnectApiException(ErrorDetails details) {
        super(details.describe());
        this.method = details.method();
        this.path = details.path();
        this.statusCode = details.statusCode();
        this.konnectMessage = details.konnectMessage();
        this.traceId = details.traceId();
        this.rawBody = details.rawBody();
    }

    /** The HTTP status code Konnect answered with. */
    public int statusCode() {
        return statusCode;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** The path (and query) of the failed request. */
    public String path() {
        return path;
    }

    /** Konnect's own message, as decoded from whichever error shape it used; may be empty. */
    public String konnectMessage() {
        return konnectMessage;
    }

    /** Konnect's correlation id (such as {@code konnect:trace:1234}), for support requests. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** The response body exactly as received; empty when there was none. */
    public String rawBody() {
        return rawBody;
    }
}
