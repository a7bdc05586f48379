package dev.konnectplugins;

/** The root of every exception this SDK throws. Unchecked, so it composes with lambdas and streams. */
public class KonnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KonnectException(String message) {
        super(message);
    }

    public KonnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
