package dev.konnectplugins.internal;

import java.util.List;
import java.util.function.Function;

/**
 * What an answer must hold before the SDK hands it on: server data is untrusted input, and a plugin without a name
 * (or a page with a null in its list) would otherwise fail far from here, with a JVM message.
 */
public final class Answers {
    private Answers() {
    }

    /**
     * The first problem of a page's items, such as {@code "item 3 has no name"}, or null when there is none.
     *
     * @param items   the page's items, may be null (an empty page)
     * @param problem names what an item lacks, or null when it lacks nothing; never given a null item
     */
    public static <T> String firstProblem(List<T> items, Function<? super T, String> problem) {
        if (items == null) {
            return null;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String found = item == null ? "is null" : problem.apply(item);
            if (found != null) {
                return "item " + (i + 1) + " of the page " + found;
            }
        }
        return null;
    }

    /** {@code "has no <field>"} when the value is null or blank, else null. */
    public static String required(String value, String field) {
        return value == null || value.isBlank() ? "has no " + field : null;
    }
}
