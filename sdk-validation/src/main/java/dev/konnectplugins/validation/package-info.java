/**
 * Offline validation of Kong custom plugins: {@link dev.konnectplugins.validation.PluginValidator} refuses a plugin
 * Konnect would reject at upload or Kong's plugin sandbox would break on, with a
 * {@link dev.konnectplugins.validation.ValidationResult} of diagnostics; {@link dev.konnectplugins.validation.Rules}
 * lists every rule id. On the class path, the module also checks every upload the client makes.
 */
package dev.konnectplugins.validation;
