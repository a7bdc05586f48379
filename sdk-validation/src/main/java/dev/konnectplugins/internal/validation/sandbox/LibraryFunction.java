package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function the sandbox writes in Java in place of luaj's (the string, table, math and bit libraries), one
 * instance per name. Its name is set as luaj sets its own, and the errors it raises itself are marked as LuaJIT's
 * ({@link LibraryError#marked}).
 */
abstract class LibraryFunction extends VarArgFunction {
    LibraryFunction(String name) {
        this.name = name;
    }

    @Override
    public final Varargs invoke(Varargs args) {
        try {
            return run(args);
        } catch (LuaError e) {
            throw LibraryError.marked(args, e);
        }
    }

    /** What the function named {@code name} does. */
    abstract Varargs run(Varargs args);
}
