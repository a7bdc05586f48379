package dev.konnectplugins.internal.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Lua tokenizer: just enough to find names, string literals, '=' and table braces while skipping
 * comments and string contents, so a brace or "name =" inside a string or comment is never mistaken for code.
 */
final class LuaTokens {

    enum Kind { NAME, STRING, ASSIGN, OPEN, CLOSE, SEPARATOR, OTHER }

    /**
     * One token.
     *
     * @param kind  what it is
     * @param text  identifier, or the string literal's content
     * @param depth table-constructor nesting depth the token sits at (an OPEN brace has the outer depth)
     */
    record Token(Kind kind, String text, int depth) {
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int position;
    private int depth;

    private LuaTokens(String source) {
        this.source = source;
    }

    static List<Token> of(String source) {
        LuaTokens lexer = new LuaTokens(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (source.startsWith("--", position)) {
                skipComment();
            } else if (c == '"' || c == '\'') {
                add(Kind.STRING, quoted(c));
            } else if (c == '[' && longBracketLevel() >= 0) {
                add(Kind.STRING, longBracket());
            } else if (Character.isLetter(c) || c == '_') {
                add(Kind.NAME, identifier());
            } else {
                punctuation(c);
            }
        }
    }

    private void punctuation(char c) {
        position++;
        switch (c) {
            case '{' -> add(Kind.OPEN, "{");
            case '}' -> {
                depth = Math.max(0, depth - 1);
                tokens.add(new Token(Kind.CLOSE, "}", depth));
            }
            case ',', ';' -> add(Kind.SEPARATOR, String.valueOf(c));
            case '=' -> assignmentOrComparison();
            default -> add(Kind.OTHER, String.valueOf(c));
        }
        if (c == '{') {
            depth++;
        }
    }

    private void assignmentOrComparison() {
        if (position < source.length() && source.charAt(position) == '=') {
            position++;
            add(Kind.OTHER, "==");
        } else {
            add(Kind.ASSIGN, "=");
        }
    }

    private void add(Kind kind, String text) {
        tokens.add(new Token(kind, text, depth));
    }

    private void skipComment() {
        position += 2;
        if (position < source.length() && source.charAt(position) == '[' && longBracketLevel() >= 0) {
            longBracket();
            return;
        }
        int end = source.indexOf('\n', position);
        position = end < 0 ? source.length() : end + 1;
    }

    private String quoted(char quote) {
        StringBuilder text = new StringBuilder();
        position++;
        while (position < source.length() && source.charAt(position) != quote) {
            char c = source.charAt(position++);
            if (c == '\\' && position < source.length()) {
                text.append(source.charAt(position++));
            } else if (c == '\n') {
                break;
            } else {
                text.append(c);
            }
        }
        position++;
        return text.toString();
    }

    /** The level of a long bracket opening here ({@code [[} is 0, {@code [==[} is 2), or -1 if none. */
    private int longBracketLevel() {
        int cursor = position + 1;
        while (cursor < source.length() && source.charAt(cursor) == '=') {
            cursor++;
        }
        return cursor < source.length() && source.charAt(cursor) == '[' ? cursor - position - 1 : -1;
    }

    private String longBracket() {
        int level = longBracketLevel();
        String close = "]" + "=".repeat(level) + "]";
        int start = position + level + 2;
        int end = source.indexOf(close, start);
        position = end < 0 ? source.length() : end + close.length();
        return end < 0 ? source.substring(start) : source.substring(start, end);
    }

    private String identifier() {
        int start = position;
        while (position < source.length()
                && (Character.isLetterOrDigit(source.charAt(position)) || source.charAt(position) == '_')) {
            position++;
        }
        return source.substring(start, position);
    }
}
