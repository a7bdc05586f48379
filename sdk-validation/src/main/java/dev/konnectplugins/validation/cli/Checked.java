package dev.konnectplugins.validation.cli;

import dev.konnectplugins.validation.ValidationResult;

/**
 * One validated plugin as the CLI reports it.
 *
 * @param path   the plugin directory, as given on the command line (or found under it)
 * @param result its validation result
 */
record Checked(String path, ValidationResult result) {
    /** {@code path/file} for output, with one separator. */
    String fileLocation(String file) {
        if (path.isEmpty() || path.equals(".")) {
            return file;
        }
        return path.endsWith("/") ? path + file : path + "/" + file;
    }
}
