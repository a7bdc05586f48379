package dev.konnectplugins.internal.validation.lua;

/** Decimal digit runs as Lua's {@code tonumber} reads them. */
public final class DecimalDigits {
    private DecimalDigits() {
    }

    /**
     * The text without the leading zeros that precede a digit ("007" is "7", "000" is "0", "0a" stays): what
     * {@code tonumber} makes of a version piece or a port, written back. A loop rather than a regex, which would be
     * compiled anew on every call.
     */
    public static String withoutLeadingZeros(String text) {
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0' && LuaChars.isDigit(text.charAt(start + 1))) {
            start++;
        }
        return text.substring(start);
    }
}
