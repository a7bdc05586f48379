/**
 * Konnect's entities as the client returns them: {@link dev.konnectplugins.model.CustomPlugin},
 * {@link dev.konnectplugins.model.PluginSchema} and {@link dev.konnectplugins.model.ControlPlane} with its
 * configuration. They are generated at build time from {@code openapi/konnect-custom-plugins.yaml}.
 *
 * <p>Decision: these are plain mutable data classes (getters, setters and fluent setters, as OpenAPI Generator's
 * Java generator writes them), not immutable values. The client never keeps, caches or shares an instance it has
 * returned, and never reads one back: every call returns fresh objects that belong to the caller, so changing one
 * affects nothing else. Uploads take the immutable {@link dev.konnectplugins.PluginSource}, never a model. Fields
 * Konnect adds later are ignored, so a newer Konnect does not break an older client.
 */
package dev.konnectplugins.model;
