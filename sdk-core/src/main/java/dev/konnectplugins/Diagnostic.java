package dev.konnectplugins;

import java.util.Objects;

/**
 * One finding about a plugin, located in a file.
 *
 * @param rule     stable rule id, such as {@code sandbox.timer}
 * @param severity error or warning
 * @param stage    where Kong would fail the plugin: at upload, at load on a data plane, or at run time
 * @param file     the file, relative to the plugin directory, such as {@code handler.lua}
 * @param line     1-based line, or 0 when the finding is about the whole file
 * @param column   1-based column, or 0 when the finding is about the whole file or line
 * @param message  what is wrong and what to do about it
 */
public record Diagnostic(String rule, Severity severity, Stage stage, String file, int line, int column,
                         String message) {
    /**
     * Checks that no component is null (and the positions are not negative).
     *
     * @param rule the id of the rule that found it, such as {@code sandbox-require}
     * @param severity whether it blocks the upload
     * @param stage where Kong would fail the plugin
     * @param file the plugin file it concerns, such as {@code handler.lua}
     * @param line the 1-based line, or 0 when it concerns the whole file
     * @param column the 1-based column, or 0 when unknown
     * @param message what is wrong and how to fix it
     */
    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /**
     * A finding Konnect would refuse at upload ({@link Stage#UPLOAD}), the stage of most rules.
     *
     * @param rule the id of the rule that found it, such as {@code handler.priority}
     * @param severity whether it blocks the upload
     * @param file the plugin file it concerns, such as {@code handler.lua}
     * @param line the 1-based line, or 0 when it concerns the whole file
     * @param column the 1-based column, or 0 when unknown
     * @param message what is wrong and how to fix it
     */
    public Diagnostic(String rule, Severity severity, String file, int line, int column, String message) {
        this(rule, severity, Stage.UPLOAD, file, line, column, message);
    }

    /**
     * Whether this finding blocks an upload.
     *
     * @return true for an error, false for a warning
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The same finding at another stage.
     *
     * @param newStage where Kong would fail the plugin
     * @return a copy; this one is unchanged
     */
    public Diagnostic withStage(Stage newStage) {
        return new Diagnostic(rule, severity, newStage, file, line, column, message);
    }

    /**
     * The luacheck/ESLint form with the stage after the rule:
     * {@code handler.lua:9:19: error [sandbox.timer] (run time) message}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(severity.label()).append(" [").append(rule).append("] (")
                .append(stage.label()).append(") ").append(message).toString();
    }
}
