package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;

/**
 * What was learned about one Lua file.
 *
 * @param source     the file's text, as uploaded
 * @param resolution the resolver's events and facts ({@link Resolution#NONE} when it could not run)
 * @param evaluation the sandboxed run of its top level, or null when the file does not compile
 */
public record FileAnalysis(String source, Resolution resolution, Evaluation evaluation) {
    /** The facts of the file's module value. */
    public ChunkFacts facts() {
        return resolution.facts();
    }
}
