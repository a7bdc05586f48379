package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** A released thread keeps nothing of its validation: validation threads are pooled and run the next one. */
class WatchdogReleaseTest {
    @Test
    void releaseUnbindsTheWatchdogAndTheStringLibrary() {
        Watchdog watchdog = new Watchdog(10_000);
        watchdog.install();
        StringMetatable.bind(LuaStrings.library(new ExecutionBudget("@test")));
        assertThat(Watchdog.current()).isSameAs(watchdog);
        assertThat(LuaValue.valueOf("x").get("rep").isfunction()).as("(\"x\"):rep while bound").isTrue();

        Watchdog.release();

        assertThat(Watchdog.current()).as("a fresh watchdog once released").isNotSameAs(watchdog);
        assertThat(LuaValue.valueOf("x").get("rep").isnil()).as("no string library once released").isTrue();
    }
}
