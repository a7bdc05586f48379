package dev.konnectplugins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Filters and page size for listing custom plugins.
 *
 * <pre>{@code
 * plugins.list(ListOptions.builder().tags("team-a", "prod").pageSize(200).build());   // both tags
 * plugins.list(ListOptions.builder().anyOfTags("team-a", "team-b").build());          // either tag
 * }</pre>
 */
public final class ListOptions {
    /** The largest page Konnect serves. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final ListOptions DEFAULTS = builder().build();

    private final List<String> tags;
    private final boolean anyTag;
    private final Integer pageSize;

    private ListOptions(Builder builder) {
        this.tags = List.copyOf(builder.tags);
        this.anyTag = builder.anyTag;
        this.pageSize = builder.pageSize;
    }

    /**
     * No filter, Konnect's default page size.
     *
     * @return options that list everything
     */
    public static ListOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a set of options: no tag filter and Konnect's page size until set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tags to filter by; empty for no filter.
     *
     * @return the tags, unmodifiable, never null
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Whether a plugin needs only one of {@link #tags()} (true) or all of them (false).
     *
     * @return true for any of the tags, false for all of them
     */
    public boolean anyTag() {
        return anyTag;
    }

    /**
     * The page size asked for, if one was set.
     *
     * @return the page size, or empty for Konnect's default
     */
    public OptionalInt pageSize() {
        return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
    }

    /**
     * The {@code tags} query value: {@code ,} joins tags that must all match, {@code /} tags of which one must.
     * Wire encoding, so not API: callers read {@link #tags()} and {@link #anyTag()}.
     */
    Optional<String> tagsQuery() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(String.join(anyTag ? "/" : ",", tags));
    }

    @Override
    public String toString() {
        return "ListOptions{tags=" + tags + (anyTag ? " (any)" : "") + ", pageSize=" + pageSize + "}";
    }

    /** Builds {@link ListOptions}. */
    public static final class Builder {
        private final List<String> tags = new ArrayList<>();
        private boolean anyTag;
        private Integer pageSize;

        private Builder() {
        }

        /**
         * Only plugins that carry every one of these tags.
         *
         * @param allOf the tags a plugin must all carry; none for no filter
         * @return this builder
         */
        public Builder tags(String... allOf) {
            return setTags(false, allOf);
        }

        /**
         * Only plugins that carry at least one of these tags.
         *
         * @param anyOf the tags a plugin must carry at least one of; none for no filter
         * @return this builder
         */
        public Builder anyOfTags(String... anyOf) {
            return setTags(true, anyOf);
        }

        /**
         * How many plugins each request fetches, 1 to {@value #MAX_PAGE_SIZE}.
         *
         * @param size the page size, 1 to {@value #MAX_PAGE_SIZE}
         * @return this builder
         */
        public Builder pageSize(int size) {
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
            }
            this.pageSize = size;
            return this;
        }

        /**
         * The options as set so far.
         *
         * @return immutable options
         */
        public ListOptions build() {
            return new ListOptions(this);
        }

        private Builder setTags(boolean any, String... values) {
            for (String tag : values) {
                if (tag == null || tag.isBlank() || tag.contains(",") || tag.contains("/")) {
                    throw new IllegalArgumentException("Invalid tag '" + tag + "': tags must be non-blank and "
                            + "contain neither ',' nor '/' (" + Arrays.toString(values) + ")");
                }
            }
            tags.clear();
            tags.addAll(Arrays.asList(values));
            anyTag = any;
            return this;
        }
    }
}
