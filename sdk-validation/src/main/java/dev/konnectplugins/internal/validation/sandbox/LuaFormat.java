package dev.konnectplugins.internal.validation.sandbox;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code string.format} as LuaJIT 2.1 does it: {@code %s} of any value through {@code tostring} (nil, booleans,
 * tables with {@code __tostring}), {@code %a} hex floats, {@code %q}, numbers rounded from their exact binary
 * value, and widths or precisions of at most two digits. The output is charged to the budget as it grows.
 */
final class LuaFormat {
    private final ExecutionBudget budget;
    private final Varargs args;
    private final LuaStrings.Output out;
    private int arg = 1;

    LuaFormat(ExecutionBudget budget, Varargs args) {
        this.budget = budget;
        this.args = args;
        this.out = new LuaStrings.Output(budget);
    }

    LuaValue format() {
        LuaString fmt = LuaArgs.string(args, 1, "format");
        int n = fmt.m_length;
        int i = 0;
        while (i < n) {
            byte c = fmt.m_bytes[fmt.m_offset + i++];
            if (c != '%') {
                out.add(c);
            } else if (i < n && fmt.m_bytes[fmt.m_offset + i] == '%') {
                out.add((byte) '%');
                i++;
            } else {
                i = conversion(fmt, i);
            }
        }
        return out.result();
    }

    /** Parses and writes one conversion starting after its '%'; returns the index after it. */
    private int conversion(LuaString fmt, int start) {
        int i = start;
        int n = fmt.m_length;
        StringBuilder flags = new StringBuilder();
        while (i < n && "-+ #0".indexOf(fmt.luaByte(i)) >= 0) {
            flags.append((char) fmt.luaByte(i++));
        }
        int width = 0;
        int digits = 0;
        while (i < n && Character.isDigit(fmt.luaByte(i))) {
            width = width * 10 + fmt.luaByte(i++) - '0';
            if (++digits > 2) {
                throw invalid(fmt, start, i);
            }
        }
        int precision = -1;
        int precisionDigits = 0;
        if (i < n && fmt.luaByte(i) == '.') {
            i++;
            precision = 0;
            while (i < n && Character.isDigit(fmt.luaByte(i))) {
                precision = precision * 10 + fmt.luaByte(i++) - '0';
                if (++precisionDigits > 2) {
                    throw invalid(fmt, start, i);
                }
            }
        }
        if (flags.length() > 5 || digits > 2 || precisionDigits > 2 || i >= n) {
            throw invalid(fmt, start, Math.min(i + 1, n));
        }
        Spec spec = new Spec(flags.toString(), width, precision);
        char conversion = (char) fmt.luaByte(i);
        switch (conversion) {
            case 'd', 'i' -> integer(spec, toLong(number()), 10, false);
            case 'u' -> integer(spec, toLong(number()), 10, true);
            case 'x', 'X', 'o' -> integer(spec, toLong(number()), conversion == 'o' ? 8 : 16, true, conversion);
            case 'c' -> pad(spec, LuaString.valueOf(new byte[] {(byte) toLong(number())}));
            case 'e', 'E', 'f', 'F', 'g', 'G' -> floating(spec, number(), conversion);
            case 'a', 'A' -> hexFloat(spec, number(), conversion == 'A');
            case 's' -> string(spec);
            case 'q' -> quoted();
            default -> throw invalid(fmt, start, i + 1);
        }
        return i + 1;
    }

    private static LuaError invalid(LuaString fmt, int start, int end) {
        return new LuaError("invalid option '%" + fmt.substring(start, end).tojstring() + "' to 'format'");
    }

    private LuaValue next() {
        arg++;
        if (arg > args.narg()) {
            throw LuaArgs.bad(arg, "format", "value expected");
        }
        return args.arg(arg);
    }

    private double number() {
        next();
        return LuaArgs.number(args, arg, "format");
    }

    /** C's conversion of a double to int64 on x86-64: out of range (or NaN) gives the smallest int64. */
    private static long toLong(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    private void integer(Spec spec, long value, int radix, boolean unsigned) {
        integer(spec, value, radix, unsigned, 'd');
    }

    private void integer(Spec spec, long value, int radix, boolean unsigned, char conversion) {
        boolean negative = !unsigned && value < 0;
        String digits = switch (radix) {
            case 8 -> Long.toOctalString(value);
            case 16 -> conversion == 'X' ? Long.toHexString(value).toUpperCase(java.util.Locale.ROOT)
                    : Long.toHexString(value);
            default -> unsigned ? Long.toUnsignedString(value)
                    : negative ? Long.toString(value).substring(1) : Long.toString(value);
        };
        if (spec.precision >= 0) {
            if (spec.precision == 0 && value == 0) {
                digits = "";
            }
            digits = "0".repeat(Math.max(0, spec.precision - digits.length())) + digits;
        }
        String prefix = "";
        if (spec.has('#') && value != 0) {
            prefix = radix == 16 ? (conversion == 'X' ? "0X" : "0x") : radix == 8 && !digits.startsWith("0") ? "0" : "";
        }
        number(spec, sign(spec, negative) + prefix, digits, spec.precision < 0);
    }

    private void floating(Spec spec, double d, char conversion) {
        boolean upper = Character.isUpperCase(conversion);
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String text = LuaNumbers.special(Math.abs(d));
            // LuaJIT writes a NaN without a sign, even with '+' or ' '.
            number(spec, Double.isNaN(d) ? "" : sign(spec, negative), upper ? text.toUpperCase(java.util.Locale.ROOT)
                    : text, false);
            return;
        }
        int precision = spec.precision < 0 ? 6 : spec.precision;
        double magnitude = Math.abs(d);
        String text = switch (Character.toLowerCase(conversion)) {
            case 'f' -> fixed(magnitude, precision, spec.has('#'));
            case 'e' -> exponential(magnitude, precision, spec.has('#'));
            default -> LuaNumbers.formatG(magnitude, precision, spec.has('#'));
        };
        number(spec, sign(spec, negative), upper ? text.toUpperCase(java.util.Locale.ROOT) : text, true);
    }

    static String fixed(double magnitude, int precision, boolean alternate) {
        String text = new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_UP).toPlainString();
        return alternate && precision == 0 ? text + "." : text;
    }

    static String exponential(double magnitude, int precision, boolean alternate) {
        int exponent = 0;
        String mantissa;
        if (magnitude == 0) {
            mantissa = BigDecimal.ZERO.setScale(precision).toPlainString();
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_UP));
            exponent = rounded.precision() - rounded.scale() - 1;
            mantissa = rounded.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_UP).toPlainString();
        }
        if (alternate && precision == 0) {
            mantissa += ".";
        }
        return mantissa + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** C's {@code %a}: "0x1.8p+1" (Java writes "0x1.8p1" and "0x1.0p0"). */
    private void hexFloat(Spec spec, double d, boolean upper) {
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String text;
        String prefix = sign(spec, negative);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            text = LuaNumbers.special(Math.abs(d));
            prefix = Double.isNaN(d) ? "" : prefix;
        } else {
            text = hexDigits(Math.abs(d), spec.precision, spec.has('#'));
        }
        number(spec, prefix, upper ? text.toUpperCase(java.util.Locale.ROOT) : text, false);
    }

    /** glibc's {@code %a} of a non-negative finite number: "0x1.8p+1", rounded to {@code precision} hex digits. */
    private static String hexDigits(double magnitude, int precision, boolean alternate) {
        long bits = Double.doubleToRawLongBits(magnitude);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long fraction = bits & ((1L << 52) - 1);
        long lead = biased == 0 ? 0 : 1;
        int exponent = biased == 0 ? (fraction == 0 ? 0 : -1022) : biased - 1023;
        String digits;
        if (precision < 0) {
            digits = String.format(java.util.Locale.ROOT, "%013x", fraction).replaceAll("0+$", "");
        } else if (precision < 13) {
            int drop = 4 * (13 - precision);
            long mantissa = (lead << 52) | fraction;
            long kept = mantissa >>> drop;
            long rest = mantissa & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            if (rest > half || rest == half && (kept & 1) == 1) {
                kept++;
            }
            lead = kept >>> (4 * precision);
            long shown = kept & ((1L << (4 * precision)) - 1);
            digits = precision == 0 ? "" : String.format(java.util.Locale.ROOT, "%0" + precision + "x", shown);
        } else {
            digits = String.format(java.util.Locale.ROOT, "%013x", fraction) + "0".repeat(precision - 13);
        }
        String point = digits.isEmpty() && !alternate ? "" : ".";
        return "0x" + lead + point + digits + "p" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static String sign(Spec spec, boolean negative) {
        return negative ? "-" : spec.has('+') ? "+" : spec.has(' ') ? " " : "";
    }

    /** Writes a number's sign and prefix, then its digits, padded to the width (with zeros when asked). */
    private void number(Spec spec, String prefix, String digits, boolean zeroPaddable) {
        int missing = spec.width - prefix.length() - digits.length();
        if (missing > 0 && spec.has('0') && !spec.has('-') && zeroPaddable) {
            out.add(prefix + "0".repeat(missing) + digits);
        } else {
            pad(spec, LuaString.valueOf(prefix + digits));
        }
    }

    private void pad(Spec spec, LuaString text) {
        int missing = spec.width - text.m_length;
        if (missing > 0 && !spec.has('-')) {
            out.add(" ".repeat(missing));
        }
        out.add(text);
        if (missing > 0 && spec.has('-')) {
            out.add(" ".repeat(missing));
        }
    }

    /** {@code %s}: any value, as {@code tostring} writes it. */
    private void string(Spec spec) {
        LuaString text = LuaBase.tostring(next(), budget);
        if (spec.precision >= 0 && spec.precision < text.m_length) {
            text = text.substring(0, spec.precision);
        }
        pad(spec, text);
    }

    /** {@code %q}: a string in double quotes, readable back by Lua. */
    private void quoted() {
        LuaValue value = next();
        LuaString s = value.type() == LuaValue.TNUMBER ? LuaNumbers.toLuaString(value.todouble())
                : value.isnil() || value.isboolean() ? LuaString.valueOf(value.tojstring())
                : LuaArgs.string(args, arg, "format");
        out.add((byte) '"');
        for (int i = 0; i < s.m_length; i++) {
            int c = s.luaByte(i);
            if (c == '"' || c == '\\' || c == '\n') {
                out.add((byte) '\\');
                out.add((byte) c);
            } else if (c == '\r' || c == 0 || (c < 32 || c == 127)) {
                boolean digitFollows = i + 1 < s.m_length && Character.isDigit(s.luaByte(i + 1));
                out.add("\\" + (digitFollows ? String.format("%03d", c) : Integer.toString(c)));
            } else {
                out.add((byte) c);
            }
        }
        out.add((byte) '"');
    }

    private record Spec(String flags, int width, int precision) {
        boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }
}
