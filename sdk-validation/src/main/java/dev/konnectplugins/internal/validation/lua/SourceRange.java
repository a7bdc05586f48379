package dev.konnectplugins.internal.validation.lua;

/**
 * A stretch of a Lua file, from the first character of {@code from} to the last character of {@code to} (both
 * included, as luaj's AST positions are).
 */
public record SourceRange(SourcePosition from, SourcePosition to) {
}
