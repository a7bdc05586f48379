package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.sandbox.Watchdog;
import dev.konnectplugins.internal.validation.schema.SchemaHooks;
import org.luaj.vm2.LuaString;

/**
 * The schema engine's work charged to the validation's {@link Watchdog}: each validator and entity check, each value
 * of a list it walks, and each step of a {@code match} pattern (which can backtrack) count against the rule checks'
 * instruction budget and the wall clock, so a schema whose defaults make Kong's checks loop is stopped.
 */
final class BudgetedSchemaHooks implements SchemaHooks {

    @Override
    public void charge(String operation) {
        Watchdog.charge(1);
    }

    @Override
    public void chargeEach(long units) {
        Watchdog.charge(units);
    }

    @Override
    public boolean matches(LuaString value, LuaString pattern) {
        return Watchdog.matches(value, pattern);
    }
}
