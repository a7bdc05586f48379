package dev.konnectplugins.validation.cli;

import dev.konnectplugins.validation.ValidationResult;
import java.util.List;

/**
 * The command's SARIF 2.1.0 report ({@code --format sarif}), for tools that run {@link
 * dev.konnectplugins.validation.PluginValidator} themselves, such as the Maven plugin, and must write the same report.
 */
public final class SarifReport {
    private SarifReport() {
    }

    /**
     * The SARIF document of these results, exactly as {@code --format sarif} prints it. Each result's {@link
     * ValidationResult#path()} locates its files: a diagnostic of {@code handler.lua} becomes
     * {@code <path>/handler.lua}.
     *
     * @param results the validated plugins, in the order to report them
     * @return the document, ending with a newline
     */
    public static String render(List<ValidationResult> results) {
        return OutputFormat.SARIF.render(results.stream().map(result -> new Checked(result.path(), result)).toList());
    }
}
