package dev.konnectplugins.internal.validation.sandbox;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * LuaJIT's unicode escapes in strings (a backslash, "u", then the code point in hex between braces), which luaj's
 * lexer reads as a plain "u{...}". The source handed to luaj must keep every column (diagnostics point into it),
 * and a UTF-8 sequence written as decimal escapes is longer than the escape it replaces; so each escape becomes a
 * backslash, a digit and the same braces, for a digit whose byte the file cannot otherwise put before a "{", and the
 * compiled constants are decoded afterwards.
 */
final class UnicodeEscapes {
    private final char marker;

    private UnicodeEscapes(char marker) {
        this.marker = marker;
    }

    /** The rewriting for {@code code}, or null when it has no such escape (or no free marker digit). */
    static UnicodeEscapes of(String code) {
        if (!code.contains("\\u{")) {
            return null;
        }
        for (char digit = '1'; digit <= '9'; digit++) {
            String d = String.valueOf(digit);
            boolean used = code.indexOf(digit - '0') >= 0
                    || code.matches("(?s).*\\\\(00?" + d + "|" + d + "|x0" + d + ")\\{.*");
            if (!used) {
                return new UnicodeEscapes(digit);
            }
        }
        return null;
    }

    /** {@code code} with each unicode escape inside a short string written as the marker escape. */
    String rewrite(String code) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '-' && code.startsWith("--", i)) {
                int level = longBracket(code, i + 2);
                i = level >= 0 ? skipLong(code, i + 2, level) : skipLine(code, i);
            } else if (c == '[' && longBracket(code, i) >= 0) {
                i = skipLong(code, i, longBracket(code, i));
            } else if (c == '"' || c == '\'') {
                i = shortString(code, i, out);
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private int shortString(String code, int start, StringBuilder out) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            if (code.charAt(i) == '\\' && i + 1 < code.length()) {
                if (code.startsWith("u{", i + 1)) {
                    out.setCharAt(i + 1, marker);
                }
                boolean skipsSpace = code.charAt(i + 1) == 'z';
                i += 2;
                while (skipsSpace && i < code.length() && Character.isWhitespace(code.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return i + 1;
    }

    /** The level of a long bracket opening at {@code i} ("[[" is 0, "[==[" is 2), or -1. */
    private static int longBracket(String code, int i) {
        if (i >= code.length() || code.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < code.length() && code.charAt(j) == '=') {
            j++;
        }
        return j < code.length() && code.charAt(j) == '[' ? j - i - 1 : -1;
    }

    private static int skipLong(String code, int open, int level) {
        int close = code.indexOf("]" + "=".repeat(level) + "]", open + level + 2);
        return close < 0 ? code.length() : close + level + 2;
    }

    private static int skipLine(String code, int i) {
        int end = code.indexOf('\n', i);
        return end < 0 ? code.length() : end;
    }

    /** Decodes the marker escapes in every string constant of {@code prototype} and its nested functions. */
    void decode(Prototype prototype) {
        for (int i = 0; i < prototype.k.length; i++) {
            if (prototype.k[i] instanceof LuaString s) {
                prototype.k[i] = decode(s);
            }
        }
        for (Prototype nested : prototype.p) {
            decode(nested);
        }
    }

    private LuaValue decode(LuaString s) {
        byte m = (byte) (marker - '0');
        ByteArrayOutputStream out = null;
        int copied = 0;
        for (int i = 0; i + 1 < s.m_length; i++) {
            if (s.luaByte(i) != m || s.luaByte(i + 1) != '{') {
                continue;
            }
            int j = i + 2;
            int codePoint = 0;
            while (j < s.m_length && Character.digit(s.luaByte(j), 16) >= 0 && codePoint < 0x110000) {
                codePoint = codePoint * 16 + Character.digit(s.luaByte(j), 16);
                j++;
            }
            if (j == i + 2 || j >= s.m_length || s.luaByte(j) != '}') {
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(s.m_length);
            }
            out.write(s.m_bytes, s.m_offset + copied, i - copied);
            utf8(codePoint, out);
            copied = j + 1;
            i = j;
        }
        if (out == null) {
            return s;
        }
        out.write(s.m_bytes, s.m_offset + copied, s.m_length - copied);
        return LuaString.valueUsing(out.toByteArray());
    }

    /** LuaJIT's encoding of a code point (lj_lex.c), surrogates included. */
    private static void utf8(int c, ByteArrayOutputStream out) {
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(0xC0 | (c >> 6));
            out.write(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out.write(0xE0 | (c >> 12));
            out.write(0x80 | ((c >> 6) & 0x3F));
            out.write(0x80 | (c & 0x3F));
        } else {
            out.write(0xF0 | (c >> 18));
            out.write(0x80 | ((c >> 12) & 0x3F));
            out.write(0x80 | ((c >> 6) & 0x3F));
            out.write(0x80 | (c & 0x3F));
        }
    }
}
