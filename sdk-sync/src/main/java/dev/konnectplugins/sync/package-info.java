/**
 * Plugins as code: {@link dev.konnectplugins.sync.PluginSync} plans ({@link dev.konnectplugins.sync.SyncPlan}),
 * diffs and syncs a folder of plugins ({@link dev.konnectplugins.sync.DesiredState}) to one or many control planes,
 * with {@link dev.konnectplugins.sync.SyncOptions}, and pulls plugins back to a folder.
 */
package dev.konnectplugins.sync;
