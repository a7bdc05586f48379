package dev.konnectplugins.internal.validation.analysis;

/**
 * What the static walk learned about a file's module value: the table its main chunk returns, where, and whether
 * the file returns anything at all.
 *
 * @param returned     the shape of the returned table, or null when it is not a table built in this file
 * @param returns      whether the main chunk ends with a {@code return} of some value
 * @param returnLine   the line of that return, or 0
 * @param returnColumn its column, or 0
 */
public record ChunkFacts(TableShape returned, boolean returns, int returnLine, int returnColumn) {
    /** Facts for a file that could not be walked. */
    public static final ChunkFacts NONE = new ChunkFacts(null, false, 0, 0);
}
