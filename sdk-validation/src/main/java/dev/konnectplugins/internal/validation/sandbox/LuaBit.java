package dev.konnectplugins.internal.validation.sandbox;

import java.util.Locale;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * LuaJIT's {@code bit} module (lib_bit.c and the VM's fast functions of OpenResty's luajit2), for plain numbers:
 * every operand is normalised to a signed 32-bit integer as {@code lj_num2bit} does (rounded to nearest even, then
 * taken modulo 2^32; strings holding a number are converted), results are signed 32-bit, shift counts use their low
 * 5 bits, and {@code tohex} takes its width from |n| (negative n: upper case), 254 digits at most.
 */
final class LuaBit {
    /** 2^52 + 2^51: adding it leaves the number rounded to an integer in the low 32 bits of the double. */
    private static final double NORMALISE = 6755399441055744.0;
    private static final String[] NAMES = {"tobit", "bnot", "bswap", "band", "bor", "bxor", "lshift", "rshift",
        "arshift", "rol", "ror", "tohex"};
    private static final int MAX_HEX_DIGITS = 254;

    /** A fresh {@code bit} table. */
    static LuaTable library() {
        LuaTable bit = new LuaTable();
        for (String name : NAMES) {
            bit.rawset(name, new Function(name));
        }
        return bit;
    }

    /** {@code lj_num2bit}: the number's low 32 bits once rounded, as LuaJIT computes them. */
    static int toBit(double d) {
        return (int) Double.doubleToRawLongBits(d + NORMALISE);
    }

    private static final class Function extends LibraryFunction {
        Function(String name) {
            super(name);
        }

        @Override
        LuaValue run(Varargs args) {
            return switch (name) {
                case "tobit" -> LuaValue.valueOf(operand(args, 1));
                case "bnot" -> LuaValue.valueOf(~operand(args, 1));
                case "bswap" -> LuaValue.valueOf(Integer.reverseBytes(operand(args, 1)));
                case "band", "bor", "bxor" -> LuaValue.valueOf(fold(args));
                case "tohex" -> LuaValue.valueOf(tohex(args));
                default -> LuaValue.valueOf(shift(operand(args, 1), operand(args, 2) & 31));
            };
        }

        private int shift(int x, int n) {
            return switch (name) {
                case "lshift" -> x << n;
                case "rshift" -> x >>> n;
                case "arshift" -> x >> n;
                case "rol" -> Integer.rotateLeft(x, n);
                case "ror" -> Integer.rotateRight(x, n);
                default -> throw new IllegalStateException(name);
            };
        }

        private int fold(Varargs args) {
            int result = operand(args, 1);
            for (int i = 2; i <= args.narg(); i++) {
                int x = operand(args, i);
                result = switch (name) {
                    case "band" -> result & x;
                    case "bor" -> result | x;
                    default -> result ^ x;
                };
            }
            return result;
        }

        private String tohex(Varargs args) {
            long b = operand(args, 1) & 0xFFFFFFFFL;
            int n = args.narg() < 2 ? 8 : operand(args, 2);
            boolean upper = n < 0;
            if (upper) {
                n = -n;
            }
            if (Integer.compareUnsigned(n, MAX_HEX_DIGITS) > 0) {
                n = MAX_HEX_DIGITS;
            }
            if (n < 16) {
                b &= (1L << 4 * n) - 1;
            }
            String digits = b == 0 ? "" : Long.toHexString(b);
            String hex = "0".repeat(Math.max(0, n - digits.length())) + digits;
            return upper ? hex.toUpperCase(Locale.ROOT) : hex;
        }

        private int operand(Varargs args, int i) {
            LuaValue value = args.arg(i);
            if (value.type() == LuaValue.TNUMBER) {
                return toBit(value.todouble());
            }
            if (value.type() == LuaValue.TSTRING) {
                LuaValue parsed = LuaNumbers.parse(value.tojstring());
                if (!parsed.isnil()) {
                    return toBit(parsed.todouble());
                }
            }
            throw LuaArgs.bad(args, i, name, "number");
        }
    }

    private LuaBit() {
    }
}
