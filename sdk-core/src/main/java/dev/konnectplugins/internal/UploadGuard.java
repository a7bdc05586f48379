package dev.konnectplugins.internal;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.PreUploadValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Runs the {@link PreUploadValidator}s found on the class path before a plugin is uploaded. */
public final class UploadGuard {
    private final List<PreUploadValidator> validators;

    private UploadGuard(List<PreUploadValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** The validators registered through {@link ServiceLoader} (sdk-validation registers one). */
    public static UploadGuard fromClassPath() {
        List<PreUploadValidator> found = new ArrayList<>();
        ServiceLoader.load(PreUploadValidator.class, UploadGuard.class.getClassLoader()).forEach(found::add);
        return new UploadGuard(found);
    }

    /** A guard that lets everything through. */
    public static UploadGuard disabled() {
        return new UploadGuard(List.of());
    }

    /** Whether any validator runs. */
    public boolean active() {
        return !validators.isEmpty();
    }

    /** Every finding of every validator, errors and warnings; empty when none runs. */
    public List<Diagnostic> diagnose(PluginSource source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (PreUploadValidator validator : validators) {
            diagnostics.addAll(validator.validate(source));
        }
        return diagnostics;
    }

    /**
     * @throws PluginValidationException when any validator reports an error; warnings alone pass
     */
    public void check(PluginSource source) {
        List<Diagnostic> diagnostics = diagnose(source);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new PluginValidationException(source.name(), diagnostics);
        }
    }
}
