package dev.konnectplugins.internal.validation.sandbox;

/**
 * Thrown through the evaluated code when a {@link Limit} is hit. An Error, not a LuaError, so that {@code pcall} in
 * that code cannot catch it (luaj's pcall catches LuaError and Exception), and the coroutine library passes it on to
 * the resumer instead of turning it into a Lua error.
 */
public final class LimitExceeded extends Error {
    private static final long serialVersionUID = 1L;

    private final transient Limit limit;
    private final int line;

    /** @param line the line of the plugin file that was running, or 0 */
    public LimitExceeded(Limit limit, int line) {
        super(limit.describe(), null, false, false);
        this.limit = limit;
        this.line = line;
    }

    /** The limit that was hit. */
    public Limit limit() {
        return limit;
    }

    /** The line of the plugin file that was running, or 0. */
    int line() {
        return line;
    }

    /** The failure text of the evaluation: what ran out, where, and what Kong would do. */
    String failure() {
        String where = line > 0 ? " at line " + line : "";
        return getMessage() + where + (limit == Limit.COROUTINES
                ? "; the validator refuses what it cannot check"
                : "; Kong would hang or fail there too");
    }
}
