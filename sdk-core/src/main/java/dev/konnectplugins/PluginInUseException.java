package dev.konnectplugins;

import java.util.List;

/**
 * The plugin (or plugin schema) is still used by plugin instances on the control plane, so it cannot be changed or
 * deleted (Kong's 400 "referenced by others", code 19). Delete the instances first, or publish the new version
 * under a new name.
 */
public class PluginInUseException extends KonnectApiException {
    private static final long serialVersionUID = 1L;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public PluginInUseException(ErrorDetails details) {
        super(details);
    }

    /**
     * This error answer to the last of {@code attempts} HTTP attempts.
     *
     * @param details         the decoded answer
     * @param attempts        number of attempts made, including the last one
     * @param earlierFailures one line per attempt before the last one, oldest first
     */
    public PluginInUseException(ErrorDetails details, int attempts, List<String> earlierFailures) {
        super(details, attempts, earlierFailures);
    }
}
