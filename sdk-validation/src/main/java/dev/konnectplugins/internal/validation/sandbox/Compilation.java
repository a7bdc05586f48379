package dev.konnectplugins.internal.validation.sandbox;

import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import org.luaj.vm2.Prototype;

/**
 * A file compiled by luaj's Lua compiler, or why it does not compile.
 *
 * @param beyondEvaluator whether the failure is one of luaj's own limits, tighter than LuaJIT's (a function with
 *                        exactly 200 locals: LuaJIT's LJ_MAX_LOCVAR allows 200, luaj 199), so that the file may well
 *                        compile in Kong and only cannot be evaluated here
 */
public record Compilation(Prototype prototype, SyntaxProblem problem, boolean beyondEvaluator) {
    Compilation(Prototype prototype, SyntaxProblem problem) {
        this(prototype, problem, false);
    }
}
