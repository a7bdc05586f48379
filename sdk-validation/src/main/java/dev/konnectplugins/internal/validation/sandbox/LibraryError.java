package dev.konnectplugins.internal.validation.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern PRELUDE_POSITION = Pattern.compile("^@sandbox-prelude\\.lua:\\d+:? ");
    private static final Pattern UNNAMED = Pattern.compile("bad argument #(\\d+): (.*)", Pattern.DOTALL);

    private LibraryError(LuaError cause) {
        super(cause.getMessage());
    }

    /**
     * A library call's error, marked when the library raised it itself. An error with a stand-in among the arguments
     * (it may not happen in Kong) or with a function argument (the error may come from that callback) is left as it
     * is. Callers catch and rethrow rather than pass the call in as a lambda: library functions run on every step of
     * a loop ({@code next}), and C1 allocates a capturing lambda per call.
     */
    static LuaError marked(Varargs args, LuaError error) {
        if (error instanceof LibraryError) {
            return error;
        }
        return reproducible(args) ? new LibraryError(error) : error;
    }

    /**
     * Replaces the named functions of {@code library} (luaj's own, whose argument checks raise what LuaJIT's raise:
     * "bad argument #1 to 'ipairs' (table expected, got string)") with ones that mark their errors.
     */
    static void mark(LuaTable library, String... names) {
        for (String libraryName : names) {
            LuaValue function = library.rawget(libraryName);
            if (function.isfunction()) {
                library.rawset(libraryName, new Marked(function, libraryName));
            }
        }
    }

    /** One of luaj's library functions, with its errors named and marked as LuaJIT's. */
    private static final class Marked extends VarArgFunction {
        private final LuaValue function;
        private final String libraryName; // not luaj's name, which would change what tostring() shows

        Marked(LuaValue function, String libraryName) {
            this.function = function;
            this.libraryName = libraryName;
        }

        @Override
        public Varargs invoke(Varargs args) {
            try {
                return function.invoke(args);
            } catch (LibraryError e) {
                throw e;
            } catch (LuaError e) {
                throw marked(args, named(e, libraryName));
            }
        }
    }

    /**
     * luaj's argument errors name no function ("bad argument #1: index out of range"); LuaJIT's do: "bad argument #1
     * to 'select' (index out of range)", and a missing value is "value expected".
     */
    private static LuaError named(LuaError e, String function) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher prelude = PRELUDE_POSITION.matcher(message);
        if (prelude.find()) {
            // Written in the prelude, raised as LuaJIT's C functions raise it: without a position.
            return new LuaError(prelude.replaceFirst(""));
        }
        Matcher m = UNNAMED.matcher(message);
        if (!m.matches()) {
            return e;
        }
        String why = m.group(2).equals("value") ? "value expected" : m.group(2);
        return new LuaError("bad argument #" + m.group(1) + " to '" + function + "' (" + why + ")");
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
