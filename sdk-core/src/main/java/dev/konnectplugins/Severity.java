package dev.konnectplugins;

/** How serious a {@link Diagnostic} is: an error blocks an upload, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in diagnostics output: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
