package dev.konnectplugins.internal;

/**
 * Makes text a server sent safe to put in an exception message or a log line: control characters (newlines, ANSI
 * escapes, DEL, C1) and the Unicode line separators and direction overrides are escaped, so a hostile answer cannot
 * forge log lines or recolour a terminal, and the length is capped.
 */
public final class ServerText {
    /** The cap for a server's message in an exception message. */
    public static final int MESSAGE_LIMIT = 500;

    private ServerText() {
    }

    /** The text with every unsafe character escaped ({@code \n}, {@code \u001b}) and cut to {@code limit} chars. */
    public static String sanitize(String text, int limit) {
        if (text == null) {
            return null;
        }
        int cut = Math.min(text.length(), limit);
        StringBuilder out = null;
        for (int i = 0; i < cut; i++) {
            char c = text.charAt(i);
            if (safe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(cut + 16).append(text, 0, i);
            }
            escape(c, out);
        }
        String safe = out == null ? text.substring(0, cut) : out.toString();
        return cut == text.length() ? safe : safe + "... (" + text.length() + " chars)";
    }

    private static boolean safe(char c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != 0x2028 && c != 0x2029
                && !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069);
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }
}
