package dev.konnectplugins;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before an upload when the plugin would be rejected by Konnect or would fail on the data plane.
 * Nothing was sent. The message lists every error; {@link #diagnostics()} has them all, warnings included.
 */
public class PluginValidationException extends KonnectException {
    private static final long serialVersionUID = 1L;

    /** The name of the refused plugin. */
    private final String pluginName;
    /** Every finding, errors and warnings. */
    private final List<Diagnostic> diagnostics;

    /**
     * A refused plugin; the message lists its errors.
     *
     * @param pluginName  the plugin that was not uploaded
     * @param diagnostics every finding, errors and warnings
     */
    public PluginValidationException(String pluginName, List<Diagnostic> diagnostics) {
        super(describe(pluginName, diagnostics));
        this.pluginName = pluginName;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** {@return the name of the plugin that was refused} */
    public String pluginName() {
        return pluginName;
    }

    /**
     * Every finding, errors and warnings.
     *
     * @return the findings, unmodifiable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Only the findings that block the upload.
     *
     * @return the errors, unmodifiable; never empty
     */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    private static String describe(String pluginName, List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
        StringBuilder out = new StringBuilder("Plugin '").append(pluginName).append("' was not uploaded: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (Diagnostic error : errors) {
            out.append(System.lineSeparator()).append("  ").append(error);
        }
        return out.toString();
    }
}
