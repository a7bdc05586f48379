package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PreUploadValidator;
import dev.konnectplugins.validation.PluginValidator;
import java.util.List;

/**
 * The {@link PreUploadValidator} sdk-core's client finds with ServiceLoader: with this module on the class path,
 * {@code CustomPlugins.create} and {@code upsert} refuse, before sending anything, a plugin with errors.
 */
public final class UploadValidator implements PreUploadValidator {
    private final PluginValidator validator = PluginValidator.builder().build();

    /** Used by ServiceLoader. */
    public UploadValidator() {
        // Nothing to set up: the validator is immutable.
    }

    @Override
    public List<Diagnostic> validate(PluginSource source) {
        return validator.validate(source).diagnostics();
    }
}
