package dev.konnectplugins;

/** How serious a {@link Diagnostic} is: an error blocks an upload, a warning does not. */
public enum Severity {
    /** Blocks the upload: Konnect would reject the plugin, or it would fail on the data plane. */
    ERROR,
    /** Worth a look, but the plugin would work. */
    WARNING;

    /** {@return the lower-case word used in diagnostics output: {@code error} or {@code warning}} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
