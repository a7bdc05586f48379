package dev.konnectplugins;

import java.util.List;

/** 401 Unauthorized: the token is missing, wrong, expired or revoked. */
public class UnauthorizedException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public UnauthorizedException(ErrorDetails details) {
        super(details);
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public UnauthorizedException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
    }
}
