package dev.konnectplugins.internal.validation.lua;

/** Why a Lua file does not parse, where (1-based), in words a user can act on. */
public record SyntaxProblem(SourcePosition at, String message) {
    /** A problem the evaluator's compiler reports, which knows lines (column 0) and not always them (line 0). */
    public SyntaxProblem(int line, int column, String message) {
        this(new SourcePosition(line, column), message);
    }
}
