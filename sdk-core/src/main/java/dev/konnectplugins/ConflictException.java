package dev.konnectplugins;

/**
 * The name is taken: a 409, or the 400 "unique constraint" answer Konnect's core entities give for a duplicate
 * name. To replace an existing plugin, use {@code upsert}.
 */
public class ConflictException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorDetails details) {
        super(details);
    }
}
