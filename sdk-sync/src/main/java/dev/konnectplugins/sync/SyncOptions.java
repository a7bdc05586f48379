package dev.konnectplugins.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a plan or sync treats what it finds. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * SyncOptions options = SyncOptions.builder().prune(true).tags("team-a").parallelism(4).build();
 * }</pre>
 */
public final class SyncOptions {
    /** The tag a sync puts on every plugin it writes, and that prune requires before deleting one. */
    public static final String DEFAULT_MANAGED_TAG = "konnect-plugins-managed";
    /** Control planes planned and synced at the same time, by default. */
    public static final int DEFAULT_PARALLELISM = 4;
    /** Lines of each file's diff shown in a plan, by default. */
    public static final int DEFAULT_DIFF_LINE_LIMIT = 200;

    // Kong's tag rule (kong/db/schema/typedefs.lua validate_tag): printable ASCII except ',' and '/' (they join tags
    // in filters), or non-ASCII UTF-8; Konnect caps tags at 128 characters.
    private static final Pattern KONG_TAG =
            Pattern.compile("[\\x20-\\x2b\\x2d\\x2e\\x30-\\x7e\\x{80}-\\x{10FFFF}]{1,128}");
    private static final SyncOptions DEFAULTS = builder().build();

    private final boolean prune;
    private final boolean adopt;
    private final String managedTag;
    private final List<String> tags;
    private final boolean continueOnError;
    private final boolean stopAllOnFailure;
    private final int parallelism;
    private final int diffLineLimit;

    private SyncOptions(Builder builder) {
        this.prune = builder.prune;
        this.adopt = builder.adopt;
        this.managedTag = builder.managedTag;
        this.tags = List.copyOf(builder.tags);
        this.continueOnError = builder.continueOnError;
        this.stopAllOnFailure = builder.stopAllOnFailure;
        this.parallelism = builder.parallelism;
        this.diffLineLimit = builder.diffLineLimit;
    }

    /**
     * No prune, no adopt, the default managed tag, stop at the first failed write, 4 control planes at a time.
     *
     * @return the default options
     */
    public static SyncOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether managed plugins absent from the desired state are deleted.
     *
     * @return true when they are deleted
     */
    public boolean prune() {
        return prune;
    }

    /**
     * Whether plugins that lack the managed tag may be updated (and so become managed).
     *
     * @return true when they may be taken over
     */
    public boolean adopt() {
        return adopt;
    }

    /** {@return the tag that marks plugins this tool owns} */
    public String managedTag() {
        return managedTag;
    }

    /**
     * Extra tags every written plugin carries, besides the managed tag and its own.
     *
     * @return the tags, unmodifiable; empty for none
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Whether the writes after a failed one are still attempted.
     *
     * @return true to keep writing after a failure
     */
    public boolean continueOnError() {
        return continueOnError;
    }

    /**
     * Whether a control plane that fails stops the control planes not yet started.
     *
     * @return true to stop the remaining control planes
     */
    public boolean stopAllOnFailure() {
        return stopAllOnFailure;
    }

    /**
     * How many control planes are planned and synced at the same time.
     *
     * @return the parallelism, 1 to 64
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * How many lines of each file's diff a plan keeps before "diff truncated".
     *
     * @return the line limit, at least 10
     */
    public int diffLineLimit() {
        return diffLineLimit;
    }

    @Override
    public String toString() {
        return "SyncOptions{prune=" + prune + ", adopt=" + adopt + ", managedTag=" + managedTag + ", tags=" + tags
                + ", continueOnError=" + continueOnError + ", stopAllOnFailure=" + stopAllOnFailure
                + ", parallelism=" + parallelism + ", diffLineLimit=" + diffLineLimit + "}";
    }

    /** Builds {@link SyncOptions}. */
    public static final class Builder {
        private boolean prune;
        private boolean adopt;
        private String managedTag = DEFAULT_MANAGED_TAG;
        private final List<String> tags = new ArrayList<>();
        private boolean continueOnError;
        private boolean stopAllOnFailure;
        private int parallelism = DEFAULT_PARALLELISM;
        private int diffLineLimit = DEFAULT_DIFF_LINE_LIMIT;

        private Builder() {
        }

        /**
         * Delete managed plugins that are not in the desired state (plugins in use are never deleted).
         *
         * @param value true to delete managed plugins that are not in the desired state
         * @return this builder
         */
        public Builder prune(boolean value) {
            this.prune = value;
            return this;
        }

        /**
         * Update plugins that lack the managed tag (made by hand or by another tool), taking them over.
         *
         * @param value true to take over unmanaged plugins
         * @return this builder
         */
        public Builder adopt(boolean value) {
            this.adopt = value;
            return this;
        }

        /**
         * The tag that marks plugins this tool owns; default {@value SyncOptions#DEFAULT_MANAGED_TAG}.
         *
         * @param value the tag, not blank
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid Kong tag
         */
        public Builder managedTag(String value) {
            this.managedTag = validTag(value, "managedTag");
            return this;
        }

        /**
         * Extra tags for every plugin written, such as a team name.
         *
         * @param values the tags; none for no extra tags
         * @return this builder
         */
        public Builder tags(String... values) {
            return tags(Arrays.asList(values));
        }

        /**
         * Extra tags for every plugin written, such as a team name.
         *
         * @param values the tags, not null; empty for no extra tags
         * @return this builder
         */
        public Builder tags(List<String> values) {
            Objects.requireNonNull(values, "tags");
            List<String> checked = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                checked.add(validTag(values.get(i), "tags[" + i + "]"));
            }
            tags.clear();
            tags.addAll(checked);
            return this;
        }

        /**
         * Keep writing after a failed write (the failures are reported); default false: stop at the first.
         *
         * @param value true to keep writing after a failed write
         * @return this builder
         */
        public Builder continueOnError(boolean value) {
            this.continueOnError = value;
            return this;
        }

        /**
         * With several control planes: a failed one stops those not yet started; default false.
         *
         * @param value true to stop the control planes not yet started after a failure
         * @return this builder
         */
        public Builder stopAllOnFailure(boolean value) {
            this.stopAllOnFailure = value;
            return this;
        }

        /**
         * Control planes handled at the same time, 1 to 64; default 4.
         *
         * @param value how many control planes at once, 1 to 64
         * @return this builder
         */
        public Builder parallelism(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("parallelism must be between 1 and 64, got " + value);
            }
            this.parallelism = value;
            return this;
        }

        /**
         * Lines of each file's diff kept in a plan, at least 10; default 200.
         *
         * @param value the line limit, at least 10
         * @return this builder
         */
        public Builder diffLineLimit(int value) {
            if (value < 10) {
                throw new IllegalArgumentException("diffLineLimit must be at least 10, got " + value);
            }
            this.diffLineLimit = value;
            return this;
        }

        /** {@return the options} */
        public SyncOptions build() {
            return new SyncOptions(this);
        }

        private static String validTag(String value, String what) {
            Objects.requireNonNull(value, what);
            if (!KONG_TAG.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " '" + value + "' is not a valid Kong tag: 1 to 128 "
                        + "printable characters, no ',' or '/'");
            }
            return value;
        }
    }
}
