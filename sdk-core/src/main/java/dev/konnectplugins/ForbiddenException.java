package dev.konnectplugins;

/** 403 Forbidden: the token is valid but its roles do not allow this call (custom plugins need one of ServiceAdmin, RouteAdmin, PluginAdmin, CPAdmin or Deployer). */
public class ForbiddenException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(ErrorDetails details) {
        super(details);
    }
}
