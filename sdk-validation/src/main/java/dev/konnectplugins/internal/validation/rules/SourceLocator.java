package dev.konnectplugins.internal.validation.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a field of an evaluated table was probably written, for tables the static walk cannot tie to a
 * source position (built by loops or function calls): the first {@code name =} outside a {@code --} line comment.
 */
final class SourceLocator {
    private final String[] lines;

    SourceLocator(String source) {
        this.lines = source.split("\r\n|\r|\n", -1);
    }

    /** {line, column} of the first assignment-like occurrence of {@code name}, or {0, 0}. */
    int[] find(String name) {
        Pattern p = Pattern.compile("(?<![\\w.\"'])\\[?[\"']?" + Pattern.quote(name) + "[\"']?\\]?\\s*=(?!=)");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf("--");
            Matcher m = p.matcher(comment >= 0 ? line.substring(0, comment) : line);
            if (m.find()) {
                return new int[] {i + 1, m.start() + 1};
            }
        }
        return new int[] {0, 0};
    }
}
