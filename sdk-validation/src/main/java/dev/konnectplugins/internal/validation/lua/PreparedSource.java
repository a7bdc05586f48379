package dev.konnectplugins.internal.validation.lua;

/**
 * Lua source rewritten so that luaj parses what Kong's LuaJIT parses, with every line and column unchanged.
 *
 * @param code         the rewritten source
 * @param problem      the first thing LuaJIT would refuse, or null
 * @param astUnsafe    true when an expression is so long that luaj's AST parser would take quadratic time on it;
 *                     the file is then compiled but not walked
 */
public record PreparedSource(String code, SyntaxProblem problem, boolean astUnsafe) {
}
