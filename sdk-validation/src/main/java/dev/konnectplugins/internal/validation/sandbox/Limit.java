package dev.konnectplugins.internal.validation.sandbox;

import java.util.Locale;

/**
 * The limits the evaluation of a plugin file runs under, with the numbers the README documents. Each is far above
 * what a real plugin's top level needs (a loop of a few million iterations, a string of a few megabytes) and far
 * below what would hurt the validating process.
 */
public enum Limit {
    /** Lua instructions, with the work of library calls (pattern matching, copying) counted as instructions too. */
    INSTRUCTIONS(100_000_000L),
    /** Wall-clock time of one file's evaluation, in milliseconds: a safety net behind the instruction limit. */
    TIME(30_000L),
    /**
     * Wall-clock time of a whole validation (both files and every rule check), in milliseconds: past it, a watchdog
     * abandons the validation, whatever it is doing.
     */
    WALL_CLOCK(90_000L),
    /**
     * Bytes of strings and table entries the code creates, charged before they are made; one limit for the whole
     * validation (both files and the rule checks), whose results stay alive together.
     */
    MEMORY(256L << 20),
    /** Nested Lua calls; LuaJIT overflows its stack at about ten thousand. */
    DEPTH(8_000L),
    /** Coroutines started and not yet finished at the same time (each runs on its own thread here). */
    COROUTINES(64L);

    private final long value;

    Limit(long value) {
        this.value = value;
    }

    /** The limit's number, in its unit. */
    public long value() {
        return value;
    }

    /** What ran out, for a diagnostic: "did not finish within ...", "needed more than ...". */
    public String describe() {
        return switch (this) {
            case INSTRUCTIONS -> "did not finish within " + format(value) + " Lua instructions (the validator's "
                    + "instruction limit, which counts the work of library calls such as pattern matching too)";
            case TIME -> "did not finish within " + value / 1000 + " seconds (the validator's time limit)";
            case WALL_CLOCK -> "did not finish within " + value / 1000 + " seconds (the validator's wall-clock limit "
                    + "for a whole plugin)";
            case MEMORY -> "needed more than " + (value >> 20) + " MB of memory (the validator's memory limit)";
            case DEPTH -> "overflowed the stack (more than " + format(value) + " nested calls)";
            case COROUTINES -> "had more than " + value + " coroutines running or suspended at once (the "
                    + "validator's coroutine limit)";
        };
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
