package dev.konnectplugins;

/** 404 Not Found: the control plane or the plugin does not exist. */
public class NotFoundException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorDetails details) {
        super(details);
    }
}
