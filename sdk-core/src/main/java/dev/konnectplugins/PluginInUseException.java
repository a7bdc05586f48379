package dev.konnectplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin (or plugin schema) is still used by plugin instances on the control plane, so it cannot be changed or
 * deleted (Kong's 400 "referenced by others", code 19). Delete the instances first, or publish the new version
 * under a new name.
 */
public class PluginInUseException extends KonnectApiException {
    private static final long serialVersionUID = 1L;
    // Kong's words: custom plugin "x" is still referenced by plugins (id = "<uuid>")
    private static final Pattern INSTANCE_ID = Pattern.compile("id = \"([^\"]+)\"");

    /** The ids of the instances that use the plugin. */
    private final List<String> instanceIds;

    /**
     * This error answer, without retry history (for tests).
     *
     * @param details the decoded answer
     */
    public PluginInUseException(ErrorDetails details) {
        super(details);
        this.instanceIds = idsIn(details.konnectMessage());
    }

    /**
     * The ids of the plugin instances that use the plugin, as Konnect named them in its answer (Kong names the
     * first one it finds); empty when the answer named none.
     *
     * @return the instance ids, unmodifiable
     */
    public List<String> instanceIds() {
        return instanceIds;
    }

    private static List<String> idsIn(String message) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = INSTANCE_ID.matcher(message == null ? "" : message);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return List.copyOf(ids);
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
        this.instanceIds = idsIn(details.konnectMessage());
    }
}
