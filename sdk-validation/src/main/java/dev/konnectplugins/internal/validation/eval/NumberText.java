package dev.konnectplugins.internal.validation.eval;

/**
 * Whether a string has the syntax of a decimal or hexadecimal Lua number, read in one pass: the regular expressions
 * this replaces backtracked, so that {@code tonumber} of a 200,000-digit string ran for minutes where LuaJIT answers
 * in a fraction of a millisecond.
 */
final class NumberText {
    /** {@code (\d+\.?\d*|\.\d+)(e[+-]?\d+)?} over a lower-cased string. */
    static boolean isDecimal(String s) {
        return isNumber(s, 10, 'e');
    }

    /** {@code ([0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(p[+-]?\d+)?} over a lower-cased string (after "0x"). */
    static boolean isHex(String s) {
        return isNumber(s, 16, 'p');
    }

    private static boolean isNumber(String s, int radix, char exponentMark) {
        int n = s.length();
        int i = skipDigits(s, 0, radix);
        boolean whole = i > 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i, radix);
            whole |= i > start;
        }
        if (!whole) {
            return false;
        }
        if (i < n && s.charAt(i) == exponentMark) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i, 10);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static int skipDigits(String s, int from, int radix) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i), radix)) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c, int radix) {
        return c >= '0' && c <= '9' || radix == 16 && c >= 'a' && c <= 'f';
    }

    private NumberText() {
    }
}
