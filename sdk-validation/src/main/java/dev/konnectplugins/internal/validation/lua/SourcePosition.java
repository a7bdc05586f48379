package dev.konnectplugins.internal.validation.lua;

/**
 * A place in a Lua file: 1-based line and column, column counted in characters of the line (0 when the finding is
 * about the whole line or file). The one position type the analysis and the rules pass around.
 */
public record SourcePosition(int line, int column) {
    /** No position: the finding is about the whole file. */
    public static final SourcePosition NONE = new SourcePosition(0, 0);

    /** The whole of a line (column 0). */
    public static SourcePosition ofLine(int line) {
        return new SourcePosition(line, 0);
    }

    /** A compact key for sets and maps of positions. */
    public long key() {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    /** Whether this is a real position. */
    public boolean known() {
        return line > 0;
    }

    // Written out rather than the record's own: those are linked through invokedynamic on first use, 20 ms of a
    // fresh JVM's CPU when a schema's findings are first grouped by place.
    @Override
    public boolean equals(Object other) {
        return other instanceof SourcePosition position && position.line == line && position.column == column;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key());
    }
}
