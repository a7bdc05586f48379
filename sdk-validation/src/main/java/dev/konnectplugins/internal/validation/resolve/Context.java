package dev.konnectplugins.internal.validation.resolve;

/**
 * Where in the file's control flow something was resolved.
 *
 * @param inFunction inside a function body (it runs when the function is called), not in the main chunk (which runs
 *                   when the file is loaded)
 * @param caught     inside a function that {@code pcall} runs on the spot, so that an error there is caught
 * @param dead       in code that cannot run in the file's environment (the body of {@code if ngx.timer then} where
 *                   {@code ngx.timer} is absent)
 */
public record Context(boolean inFunction, boolean caught, boolean dead) {
}
