package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.TwoArgFunction;

/**
 * The metatable of strings ({@code ("x"):rep(3)}). luaj keeps it in one static field for the whole JVM, so it
 * cannot belong to an evaluation; instead its {@code __index} looks up the {@code string} library of the evaluation
 * running on the current thread (bound by the evaluator and by each coroutine's thread). The table itself refuses
 * every change, so that no evaluation can alter what another sees.
 */
final class StringMetatable {
    private static final ThreadLocal<LuaTable> LIBRARY = new ThreadLocal<>();
    private static final LuaTable METATABLE = new Frozen(LuaValue.INDEX, new TwoArgFunction() {
        @Override
        public LuaValue call(LuaValue string, LuaValue key) {
            LuaTable library = LIBRARY.get();
            return library == null ? LuaValue.NIL : library.rawget(key);
        }
    });

    /** Makes {@code library} the one strings index on this thread. */
    static void bind(LuaTable library) {
        LuaString.s_metatable = METATABLE;
        LIBRARY.set(library);
    }

    static void unbind() {
        LIBRARY.remove();
    }

    /** A table that cannot be changed once made. */
    private static final class Frozen extends LuaTable {
        private final boolean frozen;

        Frozen(LuaValue key, LuaValue value) {
            super(0, 1);
            super.rawset(key, value);
            frozen = true;
        }

        @Override
        public void rawset(LuaValue key, LuaValue value) {
            if (frozen) {
                throw new LuaError("the string metatable cannot be changed");
            }
            super.rawset(key, value);
        }

        @Override
        public void rawset(int key, LuaValue value) {
            throw new LuaError("the string metatable cannot be changed");
        }

        @Override
        public LuaValue setmetatable(LuaValue metatable) {
            throw new LuaError("the string metatable cannot be changed");
        }
    }

    private StringMetatable() {
    }
}
