package dev.konnectplugins.internal.validation.lua;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** LuaJIT numerals: decimal, hex (with hex floats), binary, and the LL/ULL/i suffixes of FFI builds. */
final class LuaNumerals {
    private static final Pattern HEX_INTEGER = Pattern.compile("[0-9a-f]+");
    private static final Pattern HEX = Pattern.compile(
            "(?:[0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(?:p[+-]?[0-9]+)?");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile(
            "(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?");
    private static final Pattern BINARY = Pattern.compile("[01]+");

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** Whether LuaJIT reads the numeral as an FFI cdata (int64_t, uint64_t or complex), not a Lua number. */
    static boolean isCdata(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.endsWith("ll") || lower.endsWith("llu") || lower.endsWith("i");
    }

    /** The numeral rewritten for luaj with the same length, or null when LuaJIT calls it malformed. */
    static String rewrite(String token) {
        String rewritten = rewriteUnchecked(token);
        return rewritten != null && overflows64Bits(token) ? null : rewritten;
    }

    /** An LL/ULL literal must fit in 64 bits (lj_strscan: STRSCAN_ERROR for larger ones). */
    private static boolean overflows64Bits(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        int suffix = lower.endsWith("ull") || lower.endsWith("llu") ? 3 : lower.endsWith("ll") ? 2 : 0;
        if (suffix == 0) {
            return false;
        }
        String body = lower.substring(0, lower.length() - suffix);
        BigInteger value = body.startsWith("0x") ? new BigInteger(body.substring(2), 16)
                : body.startsWith("0b") ? new BigInteger(body.substring(2), 2) : new BigInteger(body);
        return value.compareTo(TWO_TO_64) >= 0;
    }

    private static String rewriteUnchecked(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        int suffix = lower.endsWith("ull") || lower.endsWith("llu") ? 3 : lower.endsWith("ll") ? 2
                : lower.endsWith("i") ? 1 : 0;
        String body = lower.substring(0, lower.length() - suffix);
        boolean integerSuffix = suffix >= 2;
        String rewrittenBody;
        if (body.startsWith("0x")) {
            rewrittenBody = validHex(body.substring(2), integerSuffix) ? token.substring(0, body.length()) : null;
        } else if (body.startsWith("0b")) {
            rewrittenBody = binaryAsHex(body.substring(2));
        } else {
            rewrittenBody = validDecimal(body, integerSuffix) ? token.substring(0, body.length()) : null;
        }
        return rewrittenBody == null ? null : rewrittenBody + " ".repeat(suffix);
    }

    private static boolean validHex(String digits, boolean integerOnly) {
        return (integerOnly ? HEX_INTEGER : HEX).matcher(digits).matches();
    }

    private static boolean validDecimal(String body, boolean integerOnly) {
        if (isPlainInteger(body)) {
            return true;
        }
        return (integerOnly ? DECIMAL_INTEGER : DECIMAL).matcher(body).matches();
    }

    /** The common case, without a regex. */
    private static boolean isPlainInteger(String body) {
        if (body.isEmpty()) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) < '0' || body.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String binaryAsHex(String digits) {
        if (!BINARY.matcher(digits).matches()) {
            return null;
        }
        String hex = new BigInteger(digits, 2).toString(16);
        return "0x" + "0".repeat(digits.length() - hex.length()) + hex;
    }

    private LuaNumerals() {
    }
}
