package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled sandbox data: today's lists, with their source. */
class SandboxSpecTest {
    private final SandboxSpec spec = SandboxSpec.bundled();

    @Test
    void namesItsSource() {
        assertThat(spec.source()).isEqualTo("Kong/kong 22246ef, kong/tools/sandbox");
    }

    @Test
    void handlerRequiresIncludeTheWidening() {
        // 146 in kong/tools/sandbox/require/handler.lua at 22246ef, 66 of them added by 2af61c1f5e; "# +" notes
        // after a name are comments, not names.
        assertThat(spec.requires(Kind.HANDLER)).contains("ngx.re", "argon2", "resty.aws.config", "cjson.safe")
                .noneMatch(m -> m.startsWith("#") || m.equals("+") || m.equals("2af61c1f5e"));
        assertThat(spec.canRequire(Kind.SCHEMA, "ngx.re")).isFalse();
        assertThat(spec.canRequire(Kind.SCHEMA, "kong.db.schema.typedefs")).isTrue();
    }

    @Test
    void lookupDistinguishesPresentMissingAndUndefined() {
        assertThat(spec.lookup(Kind.HANDLER, List.of("ngx", "re", "find"))).isInstanceOf(SandboxSpec.Present.class);
        assertThat(spec.lookup(Kind.HANDLER, List.of("ngx", "timer", "at")))
                .isEqualTo(new SandboxSpec.Missing(2, false));
        assertThat(spec.lookup(Kind.HANDLER, List.of("helper"))).isEqualTo(new SandboxSpec.Missing(1, true));
        assertThat(spec.lookup(Kind.SCHEMA, List.of("kong"))).isEqualTo(new SandboxSpec.Missing(1, false));
    }
}
