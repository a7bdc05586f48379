package dev.konnectplugins.testsupport;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PreUploadValidator;
import dev.konnectplugins.Severity;
import java.util.List;

/**
 * Registered for the tests through ServiceLoader: errors for plugins named {@code refuse-*}, a warning for
 * {@code warn-*}, a StackOverflowError for {@code crash-*}, silence otherwise; stands in for sdk-validation.
 */
public final class RefusingValidator implements PreUploadValidator {
    @Override
    public List<Diagnostic> validate(PluginSource source) {
        if (source.name().startsWith("refuse-")) {
            return List.of(new Diagnostic("sandbox.timer", Severity.ERROR, "handler.lua", 9, 19,
                    "ngx.timer.at is not available in the sandbox"));
        }
        if (source.name().startsWith("crash-")) {
            throw new StackOverflowError();
        }
        if (source.name().startsWith("warn-")) {
            return List.of(new Diagnostic("name.unresolved", Severity.WARNING, "schema.lua", 1, 1, "computed name"));
        }
        return List.of();
    }
}
