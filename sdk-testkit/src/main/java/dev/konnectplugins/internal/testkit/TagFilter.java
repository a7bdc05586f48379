package dev.konnectplugins.internal.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Konnect's core-entity `tags` filter: {@code a,b} keeps entities tagged with both, {@code a/b} those tagged
 * with either. Like Kong, a filter that mixes the two separators is rejected rather than guessed at.
 */
final class TagFilter {

    private TagFilter() {
    }

    /** The filter for a `tags` value; empty when the value is malformed. A blank value filters nothing. */
    static Optional<Predicate<List<String>>> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of(tags -> true);
        }
        boolean all = expression.contains(",");
        boolean any = expression.contains("/");
        if (all && any) {
            return Optional.empty();
        }
        List<String> wanted = Arrays.asList(expression.split(all ? "," : "/", -1));
        if (wanted.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        Predicate<List<String>> filter = all
                ? tags -> tags.containsAll(wanted)
                : tags -> wanted.stream().anyMatch(tags::contains);
        return Optional.of(filter);
    }
}
