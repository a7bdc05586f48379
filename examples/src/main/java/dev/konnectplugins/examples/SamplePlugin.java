package dev.konnectplugins.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the sample plugin, {@code examples/plugins/stream-headers}, and reads facts out of its handler. */
public final class SamplePlugin {
    public static final String NAME = "stream-headers";
    /** Set by the examples' pom for exec:java and the tests, so the working directory doesn't matter there. */
    public static final String PLUGINS_PROPERTY = "konnect.examples.plugins";

    private static final Pattern VERSION = Pattern.compile("VERSION\\s*=\\s*\"([^\"]*)\"");

    private SamplePlugin() {
    }

    /**
     * The sample plugin's directory: under {@code -Dkonnect.examples.plugins}, else under {@code plugins/} or
     * {@code examples/plugins/} of the working directory (the module or the repository root).
     *
     * @throws IllegalStateException when none of these holds it
     */
    public static Path directory() {
        String configured = System.getProperty(PLUGINS_PROPERTY);
        List<Path> candidates = configured != null ? List.of(Path.of(configured, NAME))
                : List.of(Path.of("plugins", NAME), Path.of("examples", "plugins", NAME));
        return candidates.stream().filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("Can't find the sample plugin at " + candidates
                        + "; run from the repository root or pass the plugin directory as an argument"));
    }

    /** The {@code VERSION = "x.y.z"} a handler declares, or {@code "?"}. */
    public static String version(String handler) {
        Matcher matcher = VERSION.matcher(handler);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** The handler with its {@code VERSION} replaced, as a release of the plugin would do. */
    public static String withVersion(String handler, String version) {
        return VERSION.matcher(handler).replaceFirst(Matcher.quoteReplacement("VERSION = \"" + version + "\""));
    }
}
