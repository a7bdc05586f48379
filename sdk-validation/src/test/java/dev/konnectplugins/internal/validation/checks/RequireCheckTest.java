package dev.konnectplugins.internal.validation.checks;

import static dev.konnectplugins.internal.validation.checks.Models.DEAD;
import static dev.konnectplugins.internal.validation.checks.Models.TOP_LEVEL;
import static dev.konnectplugins.internal.validation.checks.Models.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.internal.validation.resolve.ChunkFacts;
import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sandbox.require, on resolver events made by hand. */
class RequireCheckTest {

    private static List<Diagnostic> check(Kind kind, Event.Require require) {
        Findings out = new Findings();
        RequireCheck.check(new Resolution(List.of(require), ChunkFacts.NONE), Models.SPEC, kind, out);
        return out.sorted();
    }

    @Test
    void theAllowlistIsPerFile() {
        assertThat(check(Kind.HANDLER, new Event.Require("ngx.re", false, at(1, 1), TOP_LEVEL))).isEmpty();
        assertThat(check(Kind.SCHEMA, new Event.Require("ngx.re", false, at(1, 1), TOP_LEVEL))).singleElement()
                .satisfies(d -> {
                    assertThat(d.rule()).isEqualTo(Rules.SANDBOX_REQUIRE);
                    assertThat(d.severity()).isEqualTo(Severity.ERROR);
                    assertThat(d.message()).contains("not in the sandbox's require allowlist for schema.lua");
                });
    }

    @Test
    void pcallComputedNamesAndDeadCode() {
        assertThat(check(Kind.HANDLER, new Event.Require("socket", true, at(1, 1), TOP_LEVEL))).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        assertThat(check(Kind.HANDLER, new Event.Require(null, false, at(1, 1), TOP_LEVEL))).singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("requires a computed module name"));
        assertThat(check(Kind.HANDLER, new Event.Require("socket", false, at(1, 1), DEAD))).isEmpty();
    }

    @Test
    void thePluginsOwnModulesAndBundledPluginsModulesAreNamed() {
        assertThat(check(Kind.HANDLER, new Event.Require("kong.plugins.mine.access", false, at(1, 1), TOP_LEVEL))
                .get(0).message()).contains("a module of the plugin itself");
        assertThat(check(Kind.HANDLER, new Event.Require("kong.plugins.jwt.jwt_parser", false, at(1, 1), TOP_LEVEL))
                .get(0).message()).contains("Kong's bundled 'jwt' plugin");
        assertThat(check(Kind.HANDLER, new Event.Require("kong.plugins.base_plugin", false, at(1, 1), TOP_LEVEL))
                .get(0).message()).contains("Kong 3.0 removed");
    }
}
