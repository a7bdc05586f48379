package dev.konnectplugins;

import java.util.List;

/**
 * 400 Bad Request: Konnect rejected the request. {@link #invalidParameters()} lists each rejected field and why;
 * the message lists them too.
 */
public class BadRequestException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /** Each rejected field with its reason; unmodifiable. */
    private final List<InvalidParameter> invalidParameters;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public BadRequestException(ErrorDetails details) {
        this(details, 0, List.of());
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public BadRequestException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
        this.invalidParameters = details.invalidParameters();
    }

    /** {@return each field Konnect rejected, with its reason; empty when Konnect named none} */
    public List<InvalidParameter> invalidParameters() {
        return invalidParameters;
    }
}
