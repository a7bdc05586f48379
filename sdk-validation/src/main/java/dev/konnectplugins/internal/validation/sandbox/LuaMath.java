package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The {@code math} functions whose luaj versions differ from LuaJIT 2.1 on x64 (lib_math.c and the VM's fast
 * functions): {@code log} with a base (log2(x) * (1 / log2(base))), {@code log10}, {@code max}/{@code min} (SSE's
 * maxsd/minsd: a NaN is kept only where SSE keeps it), {@code ldexp} (x87 fscale: the exponent truncated),
 * {@code modf}/{@code frexp}/{@code fmod}/{@code pow} as C computes them, {@code floor}/{@code ceil} keeping -0,
 * and every argument converted as {@code lj_lib_checknum} converts it (a string holding a number is one).
 */
final class LuaMath {
    private static final String[] NAMES = {"floor", "ceil", "abs", "sqrt", "exp", "log", "log10", "sin", "cos", "tan",
        "asin", "acos", "atan", "sinh", "cosh", "tanh", "deg", "rad", "frexp", "modf", "fmod", "pow", "atan2", "ldexp",
        "max", "min"};
    private static final double LN2 = Math.log(2);
    /** Beyond this exponent every finite number scales to 0 or infinity. */
    private static final double MAX_SCALE = 4096;

    /** Replaces the functions of {@code math} that differ from LuaJIT's. */
    static void install(LuaTable math) {
        for (String name : NAMES) {
            math.rawset(name, new Function(name));
        }
    }

    /** C's log2, exact on powers of two. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x) / LN2;
        }
        int exponent = Math.getExponent(x);
        if (exponent < Double.MIN_EXPONENT) {
            return log2(x * 0x1p54) - 54;
        }
        double mantissa = x / Math.scalb(1.0, exponent);
        return mantissa == 1 ? exponent : exponent + Math.log(mantissa) / LN2;
    }

    private static final class Function extends LibraryFunction {
        Function(String name) {
            super(name);
        }

        @Override
        Varargs run(Varargs args) {
            return switch (name) {
                case "frexp" -> frexp(number(args, 1));
                case "modf" -> modf(number(args, 1));
                case "max", "min" -> LuaNumbers.valueOf(extreme(args));
                case "log" -> LuaNumbers.valueOf(args.narg() > 1 ? logBase(number(args, 1), number(args, 2))
                        : Math.log(number(args, 1)));
                case "fmod", "pow", "atan2", "ldexp" -> LuaNumbers.valueOf(binary(number(args, 1), number(args, 2)));
                default -> LuaNumbers.valueOf(unary(number(args, 1)));
            };
        }

        private double unary(double x) {
            return switch (name) {
                case "floor" -> Math.floor(x);
                case "ceil" -> Math.ceil(x);
                case "abs" -> Math.abs(x);
                case "sqrt" -> Math.sqrt(x);
                case "exp" -> Math.exp(x);
                case "log10" -> Math.log10(x);
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "asin" -> Math.asin(x);
                case "acos" -> Math.acos(x);
                case "atan" -> Math.atan(x);
                case "sinh" -> Math.sinh(x);
                case "cosh" -> Math.cosh(x);
                case "tanh" -> Math.tanh(x);
                case "deg" -> x * 57.29577951308232;
                case "rad" -> x * 0.017453292519943295;
                default -> throw new IllegalStateException(name);
            };
        }

        private double binary(double x, double y) {
            return switch (name) {
                case "fmod" -> x % y;
                case "pow" -> pow(x, y);
                case "atan2" -> Math.atan2(x, y);
                case "ldexp" -> ldexp(x, y);
                default -> throw new IllegalStateException(name);
            };
        }

        /** x87's fscale: x * 2^trunc(y); an infinite y scales by infinity or zero (0 * inf is NaN). */
        private static double ldexp(double x, double y) {
            if (Double.isNaN(y)) {
                return Double.NaN;
            }
            if (Double.isInfinite(y)) {
                return x * (y > 0 ? Double.POSITIVE_INFINITY : 0.0);
            }
            return Math.scalb(x, (int) Math.max(-MAX_SCALE, Math.min(MAX_SCALE, y)));
        }

        private static double pow(double x, double y) {
            // C's pow: 1 to any power and -1 to an infinite power are 1, where Java's are NaN.
            if (x == 1 || x == -1 && Double.isInfinite(y)) {
                return 1;
            }
            return Math.pow(x, y);
        }

        private static double logBase(double x, double base) {
            // Kept apart as LuaJIT does: "Do NOT join the expression to x / y".
            double inverse = 1.0 / log2(base);
            return log2(x) * inverse;
        }

        private double extreme(Varargs args) {
            double result = number(args, 1);
            for (int i = 2; i <= args.narg(); i++) {
                double x = number(args, i);
                boolean keep = name.equals("max") ? result > x : result < x;
                result = keep ? result : x;
            }
            return result;
        }

        private static Varargs frexp(double x) {
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return LuaValue.varargsOf(LuaNumbers.valueOf(x), LuaValue.ZERO);
            }
            int shift = 0;
            if (Math.getExponent(x) < Double.MIN_EXPONENT) {
                x *= 0x1p54;
                shift = 54;
            }
            int exponent = Math.getExponent(x) + 1;
            return LuaValue.varargsOf(LuaValue.valueOf(x / Math.scalb(1.0, exponent)),
                    LuaValue.valueOf(exponent - shift));
        }

        private static Varargs modf(double x) {
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            double fraction = Double.isInfinite(x) ? Math.copySign(0, x) : Math.copySign(x - whole, x);
            return LuaValue.varargsOf(LuaNumbers.valueOf(whole), LuaNumbers.valueOf(fraction));
        }

        private double number(Varargs args, int i) {
            if (name.equals("deg") || name.equals("rad")) {
                // Lua functions in LuaJIT ("function(x) return x * 57.29577951308232 end"): arithmetic's message.
                LuaValue x = args.arg(i);
                LuaValue number = x.type() == LuaValue.TSTRING ? LuaNumbers.parse(x.tojstring()) : x;
                if (number.type() != LuaValue.TNUMBER) {
                    throw new org.luaj.vm2.LuaError("[builtin:" + name + "]:0: attempt to perform arithmetic on a "
                            + x.typename() + " value");
                }
                return number.todouble();
            }
            return LuaArgs.number(args, i, name);
        }
    }

    private LuaMath() {
    }
}
