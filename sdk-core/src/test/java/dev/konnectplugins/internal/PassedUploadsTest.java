package dev.konnectplugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PreUploadValidator;
import dev.konnectplugins.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plugin the validators passed is not validated again; a refused one always is. */
class PassedUploadsTest {
    private final List<String> validated = new ArrayList<>();
    private final PreUploadValidator counting = source -> {
        validated.add(source.name());
        if (source.name().startsWith("refuse")) {
            return List.of(new Diagnostic("sandbox.timer", Severity.ERROR, "handler.lua", 1, 1, "no timers"));
        }
        return List.of(new Diagnostic("name.unresolved", Severity.WARNING, "schema.lua", 1, 1, "computed name"));
    };
    private final UploadGuard guard = UploadGuard.of(List.of(counting));

    @Test
    void theSamePluginIsValidatedOnceAndKeepsItsWarnings() {
        PluginSource source = PluginSource.of("stream-headers", "return {}", "return {}");

        List<Diagnostic> first = guard.diagnose(source);
        guard.check(source);
        List<Diagnostic> third = guard.diagnose(PluginSource.of("stream-headers", "return {}", "return {}"));

        assertThat(validated).containsExactly("stream-headers");
        assertThat(third).isEqualTo(first).extracting(Diagnostic::rule).containsExactly("name.unresolved");
    }

    @Test
    void anyDifferenceInWhatAValidatorReadsValidatesAgain() {
        PluginSource source = PluginSource.of("stream-headers", "return {}", "return {}");
        guard.diagnose(source);
        guard.diagnose(source.withName("stream-headers-v2"));
        guard.diagnose(PluginSource.of("stream-headers", "return { }", "return {}"));
        guard.diagnose(PluginSource.of("stream-headers", "return {}", "return { }"));
        guard.diagnose(source.withTags("team-a"));
        // Lengths are part of the digest: moving text between the files is a different plugin.
        guard.diagnose(PluginSource.of("stream-headers", "return {}return {}", ""));

        assertThat(validated).hasSize(6);
    }

    @Test
    void aRefusedPluginIsValidatedEveryTime() {
        PluginSource refused = PluginSource.of("refuse-me", "return {}", "return {}");

        guard.diagnose(refused);
        guard.diagnose(refused);

        assertThat(validated).containsExactly("refuse-me", "refuse-me");
    }

    @Test
    void theLeastRecentlyUsedPassIsForgottenBeyondTheCapacity() {
        PluginSource first = PluginSource.of("plugin-first", "return {}", "return {}");
        guard.diagnose(first);
        for (int i = 0; i < PassedUploads.CAPACITY; i++) {
            guard.diagnose(PluginSource.of("plugin-" + i, "return {}", "return {}"));
        }
        validated.clear();

        guard.diagnose(PluginSource.of("plugin-" + (PassedUploads.CAPACITY - 1), "return {}", "return {}"));
        guard.diagnose(first);

        assertThat(validated).containsExactly("plugin-first");
    }
}
