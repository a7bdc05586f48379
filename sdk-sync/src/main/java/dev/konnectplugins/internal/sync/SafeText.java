package dev.konnectplugins.internal.sync;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one escaping step for text a server (or any other untrusted source) supplied, before a person or a CI log
 * sees it: names, tags, ids, messages, Lua in diffs. Control characters (ANSI escapes, CR that rewrites a line, DEL,
 * C1 such as NEL), the Unicode line and paragraph separators and the bidi overrides and isolates become visible
 * escapes such as {@code \u001b}; and no line may start, after its indentation, with {@code ::}, which GitHub Actions
 * reads as a workflow command ({@code ::add-mask::}, {@code ::error::}): its first colon becomes {@code \u003a}.
 * JSON output gets the same characters as JSON escapes, so the value a program reads is unchanged.
 */
public final class SafeText {
    private static final String WORKFLOW_COMMAND = "::";

    private SafeText() {
    }

    /** A one-line value: every unsafe character escaped, newlines and tabs included. */
    public static String inline(String text) {
        if (text == null) {
            return null;
        }
        return guardLineStart(escape(text, false));
    }

    /**
     * A text of several lines (a Lua file): its line breaks (LF, CRLF) kept as LF, each line made safe as
     * {@link #inline}, tabs left as they are.
     */
    public static String lines(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(guardLineStart(escape(lines[i], true)));
        }
        return out.toString();
    }

    /** Whether {@code c} would act on a terminal or a log rather than show. */
    public static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** A copy of {@code mapper} that writes every {@link #unsafe} character as a JSON {@code \}{@code uXXXX}. */
    public static ObjectMapper escaping(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory().setCharacterEscapes(new JsonEscapes());
        return copy;
    }

    private static String escape(String text, boolean keepTabs) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean shown = !unsafe(c) || (keepTabs && c == '\t');
            if (out == null && shown) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (shown) {
                out.append(c);
            } else {
                appendEscape(c, out);
            }
        }
        return out == null ? text : out.toString();
    }

    private static void appendEscape(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    /** GitHub's runner trims leading white space before it looks for {@code ::}, so the indentation is skipped. */
    private static String guardLineStart(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (!line.startsWith(WORKFLOW_COMMAND, start)) {
            return line;
        }
        return line.substring(0, start) + "\\u003a" + line.substring(start + 1);
    }

    /** Jackson's standard escapes plus every unsafe character above the ASCII controls. */
    private static final class JsonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapes();

        private static int[] standardAsciiEscapes() {
            int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT && unsafe((char) ch)) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
