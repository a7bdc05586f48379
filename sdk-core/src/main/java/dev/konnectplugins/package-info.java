/**
 * The Konnect client: {@link dev.konnectplugins.Konnect} (built with {@link dev.konnectplugins.Konnect#builder()}),
 * the custom plugins, plugin schemas, plugin instances and control planes it reaches
 * ({@link dev.konnectplugins.CustomPlugins}, {@link dev.konnectplugins.PluginSchemas},
 * {@link dev.konnectplugins.PluginInstances}, {@link dev.konnectplugins.ControlPlanes}), the plugin to upload
 * ({@link dev.konnectplugins.PluginSource}), retries and paging, and one unchecked exception hierarchy under
 * {@link dev.konnectplugins.KonnectException}.
 */
package dev.konnectplugins;
