package dev.konnectplugins.validation.report;

import dev.konnectplugins.validation.ValidationResult;
import java.util.Objects;

/**
 * One validated plugin as a report shows it.
 *
 * @param path   the plugin folder as the user gave it (or as found under a folder the user gave), shown in front of
 *               each file
 * @param result its validation result
 */
public record CheckedPlugin(String path, ValidationResult result) {
    /**
     * Checks that no component is null.
     *
     * @param path   the plugin folder as the user gave it
     * @param result its validation result
     */
    public CheckedPlugin {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(result, "result");
    }

    /**
     * Where a file of this plugin is, for output: {@code path/file}, with one separator.
     *
     * @param file a file of the plugin, relative to its folder, such as {@code handler.lua}
     * @return the file's location as the user would type it
     */
    public String fileLocation(String file) {
        return DiagnosticText.location(path, file);
    }
}
