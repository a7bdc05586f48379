package dev.konnectplugins.internal.validation.lua;

/** Why a Lua file does not parse, where (1-based), in words a user can act on. */
public record SyntaxProblem(SourcePosition at, String message) {
}
