package dev.konnectplugins;

import java.util.List;

/**
 * The name is taken: a 409, or the 400 "unique constraint" answer Konnect's core entities give for a duplicate
 * name. To replace an existing plugin, use {@code upsert}.
 */
public class ConflictException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public ConflictException(ErrorDetails details) {
        super(details);
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public ConflictException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
    }
}
