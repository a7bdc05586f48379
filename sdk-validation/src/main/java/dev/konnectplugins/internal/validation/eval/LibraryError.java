package dev.konnectplugins.internal.validation.eval;

import java.util.function.Supplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * An error raised by a library function (the re-implemented string and table functions, luaj's argument checks of
 * the basic and math functions) with LuaJIT's message, about
 * arguments that hold no stand-in and no callback: Kong's LuaJIT raises the same error on the same call ("too many
 * results to unpack", "string slice too long", a bad argument), so the plugin's top level really fails there.
 */
final class LibraryError extends LuaError {
    private static final long serialVersionUID = 1L;

    private LibraryError(LuaError cause) {
        super(cause.getMessage());
    }

    /**
     * Runs a library call, marking the errors it raises itself. An error with a stand-in among the arguments (it
     * may not happen in Kong) or with a function argument (the error may come from that callback) is left as it is.
     */
    static Varargs call(Varargs args, Supplier<Varargs> call) {
        try {
            return call.get();
        } catch (LibraryError e) {
            throw e;
        } catch (LuaError e) {
            throw reproducible(args) ? new LibraryError(e) : e;
        }
    }

    /**
     * Replaces the named functions of {@code library} (luaj's own, whose argument checks raise what LuaJIT's raise:
     * "bad argument #1 to 'ipairs' (table expected, got string)") with ones that mark their errors.
     */
    static void mark(LuaTable library, String... names) {
        for (String name : names) {
            LuaValue function = library.rawget(name);
            if (function.isfunction()) {
                library.rawset(name, new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs args) {
                        return LibraryError.call(args, () -> function.invoke(args));
                    }
                });
            }
        }
    }

    private static boolean reproducible(Varargs args) {
        for (int i = 1; i <= args.narg(); i++) {
            LuaValue arg = args.arg(i);
            if (arg.isfunction() || SandboxEvaluator.isStub(arg) || arg.istable() && holdsStandIn((LuaTable) arg)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsStandIn(LuaTable table) {
        if (table.getmetatable() != null) {
            return true;
        }
        int length = table.rawlen();
        for (int i = 1; i <= length; i++) {
            if (SandboxEvaluator.isStub(table.rawget(i))) {
                return true;
            }
        }
        return false;
    }
}
