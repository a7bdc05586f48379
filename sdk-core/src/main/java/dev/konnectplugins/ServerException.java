package dev.konnectplugins;

/** 5xx: Konnect failed, or a proxy in front of it did. Idempotent calls were already retried. */
public class ServerException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public ServerException(ErrorDetails details) {
        super(details);
    }
}
