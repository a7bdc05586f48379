package dev.konnectplugins.validation;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one plugin.
 *
 * @param path        where the plugin came from: the directory as given, or {@code <memory>} for an in-memory source
 * @param name        the name it would be uploaded under
 * @param diagnostics every finding, errors then warnings are mixed in file/line order
 */
public record ValidationResult(String path, String name, List<Diagnostic> diagnostics) {
    /**
     * Checks that no component is null and keeps an immutable copy of the diagnostics.
     *
     * @param path where the plugin came from: the directory as given, or {@code <memory>} for an in-memory source
     * @param name the name it would be uploaded under
     * @param diagnostics every finding, in file and line order; copied
     */
    public ValidationResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Whether Konnect would accept the plugin and the sandbox could run it: no diagnostic is an error.
     *
     * @return true when no diagnostic is an error
     */
    public boolean valid() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /**
     * Only the findings that block an upload.
     *
     * @return the errors, unmodifiable; empty when the plugin is valid
     */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
