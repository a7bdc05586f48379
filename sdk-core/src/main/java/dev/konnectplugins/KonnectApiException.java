package dev.konnectplugins;

import java.util.List;
import java.util.Optional;

/**
 * Konnect answered, and the answer was an error (or not the JSON that was expected).
 * Carries the HTTP status, Konnect's own words, its trace id when it gave one, and the raw body.
 */
public class KonnectApiException extends KonnectException {
    private static final long serialVersionUID = 1L;

    /** The HTTP method of the failed request. */
    private final String method;
    /** The path (and query) of the failed request. */
    private final String path;
    /** The HTTP status Konnect answered with. */
    private final int statusCode;
    /** Konnect's own message; empty when it gave none. */
    private final String konnectMessage;
    /** Konnect's correlation id, or null. */
    private final String traceId;
    /** The response body as received. */
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

    /** {@return the HTTP status code Konnect answered with} */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return the method, such as {@code PUT}
     */
    public String method() {
        return method;
    }

    /** {@return the path (and query) of the failed request} */
    public String path() {
        return path;
    }

    /**
     * Konnect's own message, as decoded from whichever error shape it used; may be empty.
     *
     * @return the message; empty, never null, when Konnect gave none
     */
    public String konnectMessage() {
        return konnectMessage;
    }

    /**
     * Konnect's correlation id (such as {@code konnect:trace:1234}), for support requests.
     *
     * @return the trace id; empty when the answer carried none
     */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** {@return the response body exactly as received; empty when there was none} */
    public String rawBody() {
        return rawBody;
    }

    /** True for 429, 502, 503 and 504: Konnect (or a proxy) may answer differently later. */
    @Override
    public boolean retryable() {
        return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
    }
}
