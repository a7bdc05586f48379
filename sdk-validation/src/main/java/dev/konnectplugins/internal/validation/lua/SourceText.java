package dev.konnectplugins.internal.validation.lua;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lua file's text with the one mapping from character offsets to {@link SourcePosition}s, and the searches the
 * rules use to place a finding about an evaluated table (built by loops or calls, so without an AST position) where
 * it was probably written. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as in the dialect lexer.
 */
public final class SourceText {
    private final String text;
    /** The offset where each line starts, in order. */
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The line and column of a character offset. */
    public SourcePosition position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /** The character offset of a position, or -1 when the file has no such position. */
    public int offset(SourcePosition position) {
        if (position.line() < 1 || position.line() > lineStarts.length || position.column() < 1) {
            return -1;
        }
        int offset = lineStarts[position.line() - 1] + position.column() - 1;
        return offset < text.length() ? offset : -1;
    }

    /**
     * The text with each range, a keyed field of a table constructor ({@code name = v} or {@code [k] = v}), replaced
     * by spaces together with the separator that follows it, so that what remains still parses; line breaks are
     * kept, so every other position stays where it was. Returns null when a range does not start like a keyed field
     * (the positions do not fit this text).
     */
    public String blankTableFields(List<SourceRange> ranges) {
        char[] out = text.toCharArray();
        for (SourceRange range : ranges) {
            int from = offset(range.from());
            int to = offset(range.to());
            if (from < 0 || to < from || !startsKeyedField(text.charAt(from))) {
                return null;
            }
            int end = to + 1;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end < text.length() && (text.charAt(end) == ',' || text.charAt(end) == ';')) {
                to = end;
            }
            for (int i = from; i <= to; i++) {
                if (out[i] != '\n' && out[i] != '\r') {
                    out[i] = ' ';
                }
            }
        }
        return new String(out);
    }

    private static boolean startsKeyedField(char c) {
        return c == '[' || c == '_' || Character.isLetter(c);
    }

    /** The text of a 1-based line without its line break, or "" when there is no such line. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        return text.substring(lineStarts[line - 1], end).replaceFirst("\r?\n?$|\r$", "");
    }

    /** The first assignment-like {@code name =} (also {@code ["name"] =}) outside a line comment, or NONE. */
    public SourcePosition findAssignment(String name) {
        return find(Pattern.compile("(?<![\\w.\"'])\\[?[\"']?" + Pattern.quote(name) + "[\"']?\\]?\\s*=(?!=)"));
    }

    /** The first {@code x.name} or {@code x["name"]} (a typedef's use) outside a line comment, or NONE. */
    public SourcePosition findMember(String name) {
        return find(Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)*\\s*(?:\\.\\s*"
                + Pattern.quote(name) + "(?!\\w)|\\[\\s*[\"']" + Pattern.quote(name) + "[\"']\\s*\\])"));
    }

    private SourcePosition find(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            SourcePosition at = position(m.start());
            String before = line(at.line()).substring(0, at.column() - 1);
            if (!before.contains("--")) {
                return at;
            }
        }
        return SourcePosition.NONE;
    }
}
