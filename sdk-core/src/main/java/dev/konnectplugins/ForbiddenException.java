package dev.konnectplugins;

import java.util.List;

/** 403 Forbidden: the token is valid but its roles do not allow this call (custom plugins need one of ServiceAdmin, RouteAdmin, PluginAdmin, CPAdmin or Deployer). */
public class ForbiddenException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public ForbiddenException(ErrorDetails details) {
        super(details);
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public ForbiddenException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
    }
}
