package dev.konnectplugins.internal.validation.lua;

/** LuaJIT's {@code \\u{XXX}} escape in a quoted string, checked as lj_lex.c reads it. */
final class UnicodeEscape {
    private UnicodeEscape() {
    }

    /**
     * Checks the escape whose {@code u} is at {@code u} in {@code src}.
     *
     * @param at where the escape's backslash is, for the problem
     * @return the index after the escape's closing brace
     * @throws DialectProblem when LuaJIT refuses the escape
     */
    static int end(String src, int u, SourcePosition at) {
        int pos = u + 1;
        if (charAt(src, pos) != '{') {
            throw invalid(at, "\\u needs {hex digits}");
        }
        pos++;
        long value = 0;
        int digits = 0;
        while (LuaChars.isHexDigit(charAt(src, pos))) {
            value = value * 16 + Character.digit(src.charAt(pos++), 16);
            digits++;
            if (value >= 0x110000) {
                throw invalid(at, "\\u{...} beyond U+10FFFF");
            }
        }
        if (digits == 0 || charAt(src, pos) != '}') {
            throw invalid(at, "\\u needs {hex digits}");
        }
        if (value >= 0xD800 && value < 0xE000) {
            throw invalid(at, "\\u{...} of a UTF-16 surrogate (U+D800 to U+DFFF)");
        }
        return pos + 1;
    }

    private static char charAt(String src, int i) {
        return i < src.length() ? src.charAt(i) : 0;
    }

    private static DialectProblem invalid(SourcePosition at, String what) {
        return new DialectProblem(new SyntaxProblem(at, "invalid escape sequence: " + what));
    }
}
