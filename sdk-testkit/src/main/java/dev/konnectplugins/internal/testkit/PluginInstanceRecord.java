package dev.konnectplugins.internal.testkit;

/** A plugin instance the fake holds: only what tells which plugin it runs. {@code sequence} orders paging. */
record PluginInstanceRecord(long sequence, String id, String name, long createdAt) {
}
