package dev.konnectplugins.internal.validation.lua;

import java.util.Set;

/**
 * Lua source rewritten so that luaj parses what Kong's LuaJIT parses, with every line and column unchanged.
 *
 * @param code          the rewritten source
 * @param problem       the first thing LuaJIT would refuse, or null
 * @param tooComplex    where an expression becomes so long that luaj's AST parser would take quadratic time on it
 *                      (more than {@link LuaDialect#MAX_OPERATOR_RUN} operators), or null
 * @param cdataLiterals where the {@code LL}/{@code ULL}/{@code i} literals end ({@link SourcePosition#key} of their
 *                      last digit, which is where luaj's AST ends the constant): LuaJIT makes them cdata, not numbers,
 *                      while the rewritten source reads them as numbers
 */
public record PreparedSource(String code, SyntaxProblem problem, SourcePosition tooComplex, Set<Long> cdataLiterals) {
    public PreparedSource {
        cdataLiterals = Set.copyOf(cdataLiterals);
    }

    /** Whether the numeric constant ending at this position was a cdata literal in the source. */
    public boolean isCdataLiteral(SourcePosition end) {
        return cdataLiterals.contains(end.key());
    }
}
