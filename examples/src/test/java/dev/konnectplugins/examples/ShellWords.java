package dev.konnectplugins.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX shell command line into words, as {@code sh} would before running it: blanks separate words,
 * {@code '...'} is literal, {@code "..."} honours {@code \"}, {@code \\}, {@code \$} and {@code \`}, and a backslash
 * outside quotes escapes the next character. JBang prints its {@code java ...} command in this form; no variables
 * or globs appear in it, so they are not expanded.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = closing(line, i, '\'');
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the content of the double-quoted string opening at {@code start}; returns the closing quote's index. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("Unterminated \" in: " + line);
    }

    private static int closing(String line, int start, char quote) {
        int end = line.indexOf(quote, start + 1);
        if (end < 0) {
            throw new IllegalArgumentException("Unterminated " + quote + " in: " + line);
        }
        return end;
    }
}
