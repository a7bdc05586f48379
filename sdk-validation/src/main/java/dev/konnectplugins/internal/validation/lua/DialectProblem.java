package dev.konnectplugins.internal.validation.lua;

/** Stops the dialect lexer's scan at the first problem. */
final class DialectProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SyntaxProblem problem;

    DialectProblem(SyntaxProblem problem) {
        super(null, null, false, false);
        this.problem = problem;
    }
}
