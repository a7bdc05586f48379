package dev.konnectplugins.sync;

/** What pulling did with one plugin. */
public enum PullStatus {
    /** Its files were written (new, or replaced because overwriting was asked for). */
    WRITTEN,
    /** The local files already had the same text. */
    UNCHANGED,
    /** A local file differs and overwriting was not asked for: the local files were kept as they are. */
    KEPT_LOCAL,
    /** Its name cannot be a folder name (it is not a valid Kong plugin name): nothing was written. */
    SKIPPED
}
