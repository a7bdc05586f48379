package dev.konnectplugins.internal.validation.lua;

/**
 * Text a plugin controls (an {@code error()} message, a default value, a {@code one_of} list) as a diagnostic may
 * quote it: cut to {@value #QUOTE_LIMIT} characters, as sdk-core cuts a server's text, so that a 40 MB error message
 * makes one short line in every output format, not a huge line or an OutOfMemoryError. Whole messages are capped at
 * {@value #MESSAGE_LIMIT} characters as a last guard. Escaping is the output formats' work.
 */
public final class PluginText {
    /** The most characters of plugin text one diagnostic quotes. */
    public static final int QUOTE_LIMIT = 500;
    /** The most characters of a diagnostic's message. */
    public static final int MESSAGE_LIMIT = 2_000;

    /** {@code text} cut to {@link #QUOTE_LIMIT} characters, saying how long it was when cut. */
    public static String quote(String text) {
        return cut(text, QUOTE_LIMIT);
    }

    /** {@code text} cut to {@code limit} characters (never inside a surrogate pair), saying how long it was. */
    public static String cut(String text, int limit) {
        return text == null ? null : cut(text, limit, text.length());
    }

    /**
     * {@code text}, a part of a text of {@code originalLength} characters, cut to {@code limit} characters; says the
     * original length when anything was left out.
     */
    public static String cut(String text, int limit, int originalLength) {
        if (text.length() <= limit && originalLength <= text.length()) {
            return text;
        }
        int end = Math.min(limit, text.length());
        end = end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
        return text.substring(0, end) + "... (" + originalLength + " characters)";
    }

    private PluginText() {
    }
}
