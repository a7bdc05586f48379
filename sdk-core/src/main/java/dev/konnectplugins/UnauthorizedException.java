package dev.konnectplugins;

/** 401 Unauthorized: the token is missing, wrong, expired or revoked. */
public class UnauthorizedException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(ErrorDetails details) {
        super(details);
    }
}
