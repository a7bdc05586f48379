package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceRange;
import java.util.List;
import java.util.Set;

/**
 * What the resolver learned about a file's module value: the table its main chunk returns, where, and whether the
 * file returns anything at all.
 *
 * @param returned     the shape of the returned table, or null when it is not a table built in this file
 * @param returns      whether the main chunk ends with a {@code return} of some value
 * @param returnAt     where that return is, or {@link SourcePosition#NONE}
 * @param extraReturn  the second value the main chunk returns, when it is a constant string, number or table
 *                     (Kong takes it as a load error), else null
 * @param raiseLines   the lines where the main chunk itself calls {@code error} or {@code assert}
 * @param overriddenConstants table fields LuaJIT's compiler overrides with a computed value of the same key, to
 *                     leave out of the evaluated source ({@link TableTemplate})
 */
public record ChunkFacts(TableShape returned, boolean returns, SourcePosition returnAt, Value extraReturn,
        Set<Integer> raiseLines, List<SourceRange> overriddenConstants) {
    /** Facts for a file that could not be walked. */
    public static final ChunkFacts NONE = new ChunkFacts(null, false, SourcePosition.NONE, null, Set.of(), List.of());

    public ChunkFacts {
        raiseLines = Set.copyOf(raiseLines);
        overriddenConstants = List.copyOf(overriddenConstants);
    }
}
