package dev.konnectplugins;

import java.util.List;

/**
 * A check that {@link CustomPlugins#create} and {@link CustomPlugins#upsert} run before anything is sent.
 * Implementations are found with {@link java.util.ServiceLoader}; the {@code sdk-validation} module provides one,
 * so adding it to the class path is enough to refuse, offline, a plugin Konnect would reject.
 */
public interface PreUploadValidator {
    /**
     * Checks a plugin before upload.
     *
     * @param source the plugin to check, not null
     * @return every finding, errors and warnings, in a deterministic order; empty when nothing is wrong
     */
    List<Diagnostic> validate(PluginSource source);
}
