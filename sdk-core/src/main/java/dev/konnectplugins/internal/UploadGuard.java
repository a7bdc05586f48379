package dev.konnectplugins.internal;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.PreUploadValidator;
import dev.konnectplugins.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs the {@link PreUploadValidator}s found on the class path before a plugin is uploaded. A validator that fails
 * (throws, even an Error such as StackOverflowError) refuses the upload: a plugin is never sent unchecked. A plugin
 * passed once is not validated again while it stays among the last {@value PassedUploads#CAPACITY} passed.
 */
public final class UploadGuard {
    /** The rule id of the error that stands for a validator's own failure. */
    public static final String VALIDATION_INCOMPLETE = "validation.incomplete";

    private final List<PreUploadValidator> validators;
    private final PassedUploads passed = new PassedUploads();

    private UploadGuard(List<PreUploadValidator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** A guard running exactly {@code validators}, in order. */
    public static UploadGuard of(List<PreUploadValidator> validators) {
        return new UploadGuard(validators);
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

    /**
     * Every finding of every validator, errors and warnings; empty when none runs. A validator that fails gives a
     * {@value #VALIDATION_INCOMPLETE} error instead of its findings.
     */
    public List<Diagnostic> diagnose(PluginSource source) {
        if (!active()) {
            return new ArrayList<>();
        }
        String digest = PassedUploads.digest(source);
        List<Diagnostic> earlier = passed.find(digest);
        if (earlier != null) {
            return new ArrayList<>(earlier);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (PreUploadValidator validator : validators) {
            diagnostics.addAll(run(validator, source));
        }
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            passed.rememberPass(digest, diagnostics);
        }
        return diagnostics;
    }

    /**
     * @throws PluginValidationException when any validator reports an error or fails; warnings alone pass
     */
    public void check(PluginSource source) {
        List<Diagnostic> diagnostics = diagnose(source);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new PluginValidationException(source.name(), diagnostics);
        }
    }

    private static List<Diagnostic> run(PreUploadValidator validator, PluginSource source) {
        try {
            List<Diagnostic> found = validator.validate(source);
            return found == null ? List.of(failed(validator, "returned null")) : found;
        } catch (RuntimeException | Error e) {
            return List.of(failed(validator, "failed with " + e.getClass().getSimpleName()));
        }
    }

    private static Diagnostic failed(PreUploadValidator validator, String what) {
        return new Diagnostic(VALIDATION_INCOMPLETE, Severity.ERROR, PluginSource.HANDLER_FILE, 0, 0,
                "the pre-upload validator " + validator.getClass().getName() + " " + what + ", so the plugin was "
                        + "not uploaded; fix the validator or turn validation off with "
                        + "Konnect.builder().validateBeforeUpload(false)");
    }
}
