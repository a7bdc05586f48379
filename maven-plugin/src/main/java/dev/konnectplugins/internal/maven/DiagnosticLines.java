package dev.konnectplugins.internal.maven;

import dev.konnectplugins.Diagnostic;
import java.nio.file.Path;

/**
 * Diagnostics as Maven reports compiler problems, {@code /abs/path/handler.lua:9:19: [sandbox.timer] message}, so IDEs
 * and CI log parsers link them to the file. The level (ERROR or WARNING) is the log's, so the line does not repeat it.
 */
public final class DiagnosticLines {
    private DiagnosticLines() {
    }

    /**
     * One diagnostic on one line.
     *
     * @param pluginFolder the plugin's folder, which the diagnostic's file is relative to
     * @param diagnostic the finding
     * @return {@code file:line:column: [rule] message}, without line or column when the finding has none
     */
    public static String of(Path pluginFolder, Diagnostic diagnostic) {
        StringBuilder line = new StringBuilder(oneLine(pluginFolder.resolve(diagnostic.file()).toString()));
        if (diagnostic.line() > 0) {
            line.append(':').append(diagnostic.line());
            if (diagnostic.column() > 0) {
                line.append(':').append(diagnostic.column());
            }
        }
        return line.append(": [").append(diagnostic.rule()).append("] ").append(oneLine(diagnostic.message()))
                .toString();
    }

    /**
     * Text from a plugin (a message quoting its code, a file name) that cannot break the one-line format: each
     * control character becomes a visible escape.
     *
     * @param text any text
     * @return the text on one line
     */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
