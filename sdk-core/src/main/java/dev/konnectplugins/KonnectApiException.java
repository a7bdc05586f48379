package dev.konnectplugins;

import java.util.List;
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

    /**
     * An error answer, without retry history (for tests, and answers outside a retried call).
     *
     * @param details the decoded answer
     */
    public KonnectApiException(ErrorDetails details) {
        this(details, 0, List.of());
    }

    /**
     * An error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public KonnectApiException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details.describe(), null, attempts, earlierFailures);
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

    /** True for 429, 502, 503 and 504: Konnect (or a proxy) may answer differently later. */
    @Override
    public boolean retryable() {
        return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
    }
}
