package dev.konnectplugins;

import java.util.List;

/**
 * 400 Bad Request: Konnect rejected the request. {@link #invalidParameters()} lists each rejected field and why;
 * the message lists them too.
 */
public class BadRequestException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    private final List<InvalidParameter> invalidParameters;

    public BadRequestException(ErrorDetails details) {
        super(details);
        this.invalidParameters = details.invalidParameters();
    }

    /** Each field Konnect rejected, with its reason; empty when Konnect named none. */
    public List<InvalidParameter> invalidParameters() {
        return invalidParameters;
    }
}
