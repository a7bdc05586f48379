package dev.konnectplugins;

import java.util.Locale;

/**
 * Where Kong would fail a plugin that a {@link Diagnostic} is about: when Konnect receives the upload, when a data
 * plane loads the plugin, or when the plugin runs.
 */
public enum Stage {
    /**
     * Konnect's API refuses the POST or PUT with a 400: the {@code custom_plugins} entity compiles and runs both files
     * in Kong's sandbox, checks the schema against the restricted metaschema, PRIORITY, VERSION, {@code init_worker},
     * {@code response} with the filters, the name's pattern, the reserved names, that the name equals the schema's,
     * and Konnect's 100 KB per file.
     */
    UPLOAD("Konnect would refuse this upload"),
    /**
     * Konnect accepts the upload, but a data plane cannot load the plugin (for example a top-level schema field whose
     * type differs from the plugins entity's), so every later reload of custom plugins fails on it.
     */
    LOAD("a data plane would fail to load this plugin"),
    /**
     * The plugin uploads and loads, then fails in a phase on the data plane: a member the sandbox does not provide,
     * a timer, a module outside the allowlist, reached from phase code.
     */
    RUNTIME("a data plane would fail at run time");

    private final String consequence;

    Stage(String consequence) {
        this.consequence = consequence;
    }

    /** {@return the lower-case id used in machine-readable output: {@code upload}, {@code load} or {@code runtime}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the words used in text output: {@code upload}, {@code load} or {@code run time}} */
    public String label() {
        return this == RUNTIME ? "run time" : id();
    }

    /**
     * What happens to a plugin with an error of this stage, as plan and sync say it.
     *
     * @return a sentence fragment, such as "Konnect would refuse this upload"
     */
    public String consequence() {
        return consequence;
    }
}
