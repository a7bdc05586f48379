package dev.konnectplugins.validation.report;

/**
 * Makes text from a plugin (messages quoting its code or its Lua errors, file and folder names) safe to print on one
 * line: control characters, Unicode line separators and bidirectional overrides become visible escapes, so that the
 * text can neither start a new line (which GitHub Actions would obey if it started with {@code ::}) nor drive the
 * terminal.
 */
final class Printable {
    /** Everything escaped: {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}. */
    static String escape(String s) {
        return escape(s, true);
    }

    /** Like {@link #escape(String)}, but leaves CR and LF for a format with its own encoding of them. */
    static String escapeKeepingLineBreaks(String s) {
        return escape(s, false);
    }

    /** Whether {@code c} must not reach an output raw. */
    static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escape(String s, boolean lineBreaks) {
        if (s.chars().noneMatch(c -> unsafe((char) c))) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c) || (!lineBreaks && (c == '\n' || c == '\r'))) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private Printable() {
    }
}
