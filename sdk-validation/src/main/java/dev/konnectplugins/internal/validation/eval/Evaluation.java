package dev.konnectplugins.internal.validation.eval;

import org.luaj.vm2.LuaValue;

/**
 * The outcome of running a file's top level in the sandbox.
 *
 * @param value     the first value the chunk returned (NIL when it returned nothing), or null when it failed
 * @param failure   why it failed, or null
 * @param line      the line the failure points at, or 0
 * @param exhausted whether it failed by running out of instructions or time
 */
public record Evaluation(LuaValue value, String failure, int line, boolean exhausted) {
    static Evaluation returned(LuaValue value) {
        return new Evaluation(value, null, 0, false);
    }

    static Evaluation failed(String failure, int line, boolean exhausted) {
        return new Evaluation(null, failure, line, exhausted);
    }

    /** Whether the chunk ran to the end. */
    public boolean succeeded() {
        return failure == null;
    }
}
