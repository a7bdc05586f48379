package dev.konnectplugins;

/**
 * The plugin (or plugin schema) is still used by plugin instances on the control plane, so it cannot be changed or
 * deleted (Kong's 400 "referenced by others", code 19). Delete the instances first, or publish the new version
 * under a new name.
 */
public class PluginInUseException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    public PluginInUseException(ErrorDetails details) {
        super(details);
    }
}
