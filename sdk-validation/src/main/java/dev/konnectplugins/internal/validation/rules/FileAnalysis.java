package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.analysis.ChunkFacts;
import dev.konnectplugins.internal.validation.sandbox.Evaluation;

/**
 * What was learned about one Lua file.
 *
 * @param source     the file's text, as uploaded
 * @param facts      the static walk's facts ({@link ChunkFacts#NONE} when it could not run)
 * @param evaluation the sandboxed run of its top level, or null when the file does not compile
 */
public record FileAnalysis(String source, ChunkFacts facts, Evaluation evaluation) {
}
