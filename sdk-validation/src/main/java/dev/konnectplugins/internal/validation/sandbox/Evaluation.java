package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaValue;

/**
 * The outcome of running a file's top level in the sandbox.
 *
 * @param value     the first value the chunk returned (NIL when it returned nothing), or null when it failed
 * @param failure   why it failed, or null
 * @param line      the line the failure points at, or 0
 * @param exhausted whether it failed by running out of instructions or time
 * @param exact     whether the run consulted nothing the validator only stubs (no stand-in module was required,
 *                  no stand-in was called, indexed, combined or measured), so that its outcome is the one Kong would see
 * @param raisedByLibrary whether the failure is an error a library function raised as LuaJIT's does, on
 *                  arguments without stand-ins or callbacks ({@link LibraryError})
 */
public record Evaluation(LuaValue value, String failure, int line, boolean exhausted, boolean exact,
        boolean raisedByLibrary) {
    static Evaluation returned(LuaValue value, boolean exact) {
        return new Evaluation(value, null, 0, false, exact, false);
    }

    static Evaluation failed(String failure, int line, boolean exhausted, boolean exact) {
        return new Evaluation(null, failure, line, exhausted, exact, false);
    }

    static Evaluation failedInLibrary(String failure, int line, boolean exact) {
        return new Evaluation(null, failure, line, false, exact, true);
    }

    /** Whether the chunk ran to the end. */
    public boolean succeeded() {
        return failure == null;
    }
}
