package dev.konnectplugins.internal.validation.sandbox;

import java.util.Random;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code math.random} and {@code math.randomseed} with the same seed in every evaluation: a top level that draws a
 * random number gets the same verdict every time it is validated, on any thread (luaj's are seeded from the clock).
 */
final class LuaRandom {
    private static final long SEED = 0x4B6F6E67L;

    /** Replaces {@code math.random} and {@code math.randomseed} in {@code math}. */
    static void install(LuaTable math) {
        Random random = new Random(SEED);
        math.rawset("random", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                double r = random.nextDouble();
                return switch (args.narg()) {
                    case 0 -> LuaValue.valueOf(r);
                    case 1 -> between(r, 1, LuaArgs.number(args, 1, "random"));
                    default -> between(r, LuaArgs.number(args, 1, "random"), LuaArgs.number(args, 2, "random"));
                };
            }
        });
        math.rawset("randomseed", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                random.setSeed(Double.doubleToLongBits(LuaArgs.number(args, 1, "randomseed")));
                return LuaValue.NONE;
            }
        });
    }

    /** As LuaJIT's lib_math.c computes it: no integer or empty-interval check (math.random(0) is 1). */
    private static LuaValue between(double r, double low, double high) {
        return LuaValue.valueOf(Math.floor(r * (high - low + 1.0)) + low);
    }

    private LuaRandom() {
    }
}
