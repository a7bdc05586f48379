package dev.konnectplugins.internal.sync;

import java.util.List;

/** How a plan compares plugin files: exactly, except that CRLF equals LF and trailing newlines don't count. */
public final class Texts {
    private Texts() {
    }

    /** The text with CRLF (and lone CR) as LF and without trailing newlines. */
    public static String normalize(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        int end = lf.length();
        while (end > 0 && lf.charAt(end - 1) == '\n') {
            end--;
        }
        return lf.substring(0, end);
    }

    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** The lines of the normalized text; none for an empty text. */
    public static List<String> lines(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split("\n", -1));
    }
}
