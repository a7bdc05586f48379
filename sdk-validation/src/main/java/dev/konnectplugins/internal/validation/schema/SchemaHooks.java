package dev.konnectplugins.internal.validation.schema;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;

/**
 * What the engine needs from its caller: a meter charged before every validator and entity check (so a caller with an
 * execution budget can cancel a costly run by throwing from it), and Lua's {@code string.match} (so a caller can
 * supply a budgeted matcher: a {@code match} pattern backtracks).
 */
public interface SchemaHooks {

    /** Called before each validator, entity check and nested validation runs; may throw to cancel the run. */
    void charge(String operation);

    /**
     * Called before a validator walks {@code units} values the plugin supplied (a {@code one_of} list, a set's
     * elements): such a list may hold millions. May throw to cancel the run.
     */
    default void chargeEach(long units) {
    }

    /** Whether {@code string.match(value, pattern)} is not nil; may raise a {@link org.luaj.vm2.LuaError}. */
    boolean matches(LuaString value, LuaString pattern);

    /** No budget, and luaj's own matcher. */
    SchemaHooks UNMETERED = new SchemaHooks() {
        private final LuaValue match = stringMatch();

        @Override
        public void charge(String operation) {
        }

        @Override
        public boolean matches(LuaString value, LuaString pattern) {
            return !match.call(value, pattern).isnil();
        }
    };

    private static LuaValue stringMatch() {
        Globals globals = new Globals();
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new StringLib());
        return globals.get("string").get("match");
    }
}
