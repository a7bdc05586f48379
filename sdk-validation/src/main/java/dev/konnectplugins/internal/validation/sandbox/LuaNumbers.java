package dev.konnectplugins.internal.validation.sandbox;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Numbers as LuaJIT 2.1 writes and reads them, where luaj differs: {@code tostring(2^53)} is "9.007199254741e+15"
 * ("%.14g"), not "9007199254740992"; {@code tonumber} reads hex floats ("0x1p4"), "0b101", "inf" and "nan".
 */
final class LuaNumbers {
    private static final int TOSTRING_DIGITS = 14;
    /** lj_strscan's STRSCAN_MAXEXP: a longer exponent makes the string no number. */
    private static final int MAX_EXPONENT = 1 << 20;
    /** luaj keeps every integral value as an int, which has no -0; a double -0 is made as luaj would make one. */
    static final LuaValue NEGATIVE_ZERO = negativeZero();

    /** A number as a library function returns it: as luaj's {@code valueOf}, but -0 stays -0. */
    static LuaValue valueOf(double d) {
        return d == 0 && 1 / d < 0 ? NEGATIVE_ZERO : LuaValue.valueOf(d);
    }

    private static LuaValue negativeZero() {
        try {
            var constructor = org.luaj.vm2.LuaDouble.class.getDeclaredConstructor(double.class);
            constructor.setAccessible(true);
            return constructor.newInstance(-0.0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return LuaValue.ZERO;
        }
    }

    /** {@code tostring(d)} in LuaJIT. */
    static LuaString toLuaString(double d) {
        return LuaString.valueOf(toString(d));
    }

    static String toString(double d) {
        if (d == (int) d && (d != 0 || 1 / d > 0)) {
            return Integer.toString((int) d);
        }
        return formatG(d, TOSTRING_DIGITS, false);
    }

    /** C's {@code %.<precision>g} ({@code alternate}: the '#' flag keeps trailing zeros). */
    static String formatG(double d, int precision, boolean alternate) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        int p = precision == 0 ? 1 : precision;
        if (d == 0) {
            String zero = alternate ? "0." + "0".repeat(p - 1) : "0";
            return (1 / d < 0 ? "-" : "") + zero;
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String text;
        if (exponent < -4 || exponent >= p) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String digits = mantissa.setScale(p - 1, RoundingMode.HALF_UP).abs().toPlainString();
            if (!alternate) {
                digits = stripZeros(digits);
            }
            text = digits + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        } else {
            String digits = rounded.setScale(Math.max(0, p - 1 - exponent), RoundingMode.HALF_UP).abs()
                    .toPlainString();
            text = alternate ? digits : stripZeros(digits);
        }
        return (d < 0 ? "-" : "") + text;
    }

    /** "inf", "-inf" or "nan", as C's printf writes them. */
    static String special(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        return d > 0 ? "inf" : "-inf";
    }

    private static String stripZeros(String digits) {
        if (digits.indexOf('.') < 0) {
            return digits;
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        if (digits.charAt(end - 1) == '.') {
            end--;
        }
        return digits.substring(0, end);
    }

    /** {@code tonumber(s)} in LuaJIT (lj_strscan): NIL when {@code s} is not a number. */
    static LuaValue parse(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return LuaValue.NIL;
        }
        boolean negative = false;
        char first = s.charAt(start);
        if (first == '-' || first == '+') {
            negative = first == '-';
            start++;
        }
        String body = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        Double value = parseUnsigned(body);
        if (value == null) {
            return LuaValue.NIL;
        }
        return valueOf(negative ? -value : value);
    }

    private static Double parseUnsigned(String body) {
        switch (body) {
            case "inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        if (body.startsWith("0x")) {
            return parseHex(body.substring(2));
        }
        if (body.startsWith("0b")) {
            return parseBinary(body.substring(2));
        }
        return isNumeral(body, 10, 'e') ? Double.parseDouble(body) : null;
    }

    /**
     * Digits of {@code radix} with at most one point and at least one digit, then optionally an exponent (after
     * {@code mark}) whose value is below 2^20 (lj_strscan's STRSCAN_MAXEXP: "1e5000000000" is not a number). One pass,
     * so a long string costs linear time (a backtracking regex would not).
     */
    private static boolean isNumeral(String body, int radix, char mark) {
        int i = 0;
        int n = body.length();
        int digits = 0;
        while (i < n && Character.digit(body.charAt(i), radix) >= 0 && body.charAt(i) < 0x80) {
            i++;
            digits++;
        }
        if (i < n && body.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(body.charAt(i), radix) >= 0 && body.charAt(i) < 0x80) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (body.charAt(i) != mark) {
            return false;
        }
        i++;
        if (i < n && (body.charAt(i) == '+' || body.charAt(i) == '-')) {
            i++;
        }
        int exponent = 0;
        int start = i;
        while (i < n && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            exponent = exponent * 10 + body.charAt(i++) - '0';
            if (exponent >= MAX_EXPONENT) {
                return false;
            }
        }
        return i > start && i == n;
    }

    private static Double parseHex(String digits) {
        if (!isNumeral(digits, 16, 'p')) {
            return null;
        }
        // Java reads hex floats only with an exponent: "0x1.8p0".
        return Double.parseDouble("0x" + digits + (digits.contains("p") ? "" : "p0"));
    }

    private static Double parseBinary(String digits) {
        if (digits.isEmpty() || digits.chars().anyMatch(c -> c != '0' && c != '1')) {
            return null;
        }
        double value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 2 + (digits.charAt(i) - '0');
        }
        return value;
    }

    /**
     * {@code tonumber(s, base)} for a base from 2 to 36, as LuaJIT reads it with C's strtoul: spaces, a sign, the
     * digits (base 16 may start with "0x"), spaces; a value beyond 2^64 - 1 saturates there. One pass, no regex.
     */
    static LuaValue parse(String s, int base) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = i < n && s.charAt(i) == '-';
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        if (i >= n || !isAsciiAlnum(s.charAt(i))) {
            return LuaValue.NIL;
        }
        if (base == 16 && i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x'
                && digit(s.charAt(i + 2), base) >= 0) {
            i += 2;
        }
        long value = 0;
        boolean saturated = false;
        int first = i;
        for (int d; i < n && (d = digit(s.charAt(i), base)) >= 0; i++) {
            long next = value * base + d;
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, base)) > 0) {
                saturated = true;
            }
            value = next;
        }
        if (i == first) {
            return LuaValue.NIL;
        }
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        if (i < n) {
            return LuaValue.NIL;
        }
        double magnitude = saturated ? 0x1p64 : unsigned(value);
        return valueOf(negative ? -magnitude : magnitude);
    }

    private static double unsigned(long value) {
        double d = (double) (value >>> 1) * 2.0 + (value & 1);
        return value >= 0 ? value : d;
    }

    private static int digit(char c, int base) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z'
                ? c - 'A' + 10 : 99;
        return d < base ? d : -1;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private LuaNumbers() {
    }
}
