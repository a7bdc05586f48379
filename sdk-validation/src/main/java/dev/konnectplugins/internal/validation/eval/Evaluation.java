package dev.konnectplugins.internal.validation.eval;

import org.luaj.vm2.LuaValue;

/**
 * The outcome of running a file's top level in the sandbox.
 *
 * @param value     the first value the chunk returned (NIL when it returned nothing), or null when it failed
 * @param failure   why it failed, or null
 * @param line      the line the failure points at, or 0
 * @param exhausted whether it failed by running out of instructions or time
 * @param exact     whether the run touched nothing the validator only stubs (no stand-in module was required, and
 *                  no stand-in function was called), so that its outcome is the one Kong would see
 */
public record Evaluation(LuaValue value, String failure, int line, boolean exhausted, boolean exact) {
    static Evaluation returned(LuaValue value, boolean exact) {
        return new Evaluation(value, null, 0, false, exact);
    }

    static Evaluation failed(String failure, int line, boolean exhausted, boolean exact) {
        return new Evaluation(null, failure, line, exhausted, exact);
    }

    /** Whether the chunk ran to the end. */
    public boolean succeeded() {
        return failure == null;
    }
}
