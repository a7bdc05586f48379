package dev.konnectplugins.internal.validation.eval;

import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import org.luaj.vm2.Prototype;

/** A file compiled by luaj's Lua compiler, or why it does not compile. */
public record Compilation(Prototype prototype, SyntaxProblem problem) {
}
