package dev.konnectplugins.sync;

/** What happened to one plugin when a plan was applied. */
public enum OutcomeStatus {
    /** The write was sent and Konnect accepted it. */
    DONE,
    /** Nothing was sent: the change was blocked, or an earlier write failed. */
    SKIPPED,
    /** The write was sent and failed; see the exception. */
    FAILED
}
