package dev.konnectplugins.internal.validation.schema;

import dev.konnectplugins.internal.validation.sandbox.NgxNull;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** Lua tables for the engine's tests, written as Lua: {@code lua("{ type = 'string' }")}. */
final class LuaTables {
    private static final Globals GLOBALS = JsePlatform.standardGlobals();

    static {
        GLOBALS.set("null", NgxNull.VALUE);
    }

    static LuaValue lua(String expression) {
        return GLOBALS.load("return " + expression).call();
    }

    private LuaTables() {
    }
}
