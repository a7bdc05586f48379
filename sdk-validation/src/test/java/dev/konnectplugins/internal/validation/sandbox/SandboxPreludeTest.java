package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Prototype;

class SandboxPreludeTest {
    @Test
    void theBuildShipsThePreludeCompiledFromItsSource() throws IOException {
        Prototype shipped = SandboxPrelude.load();
        Prototype compiled = SandboxPrelude.compile();

        assertThat(shipped).isNotSameAs(compiled);
        assertThat(SandboxPrelude.dump(shipped)).isEqualTo(SandboxPrelude.dump(compiled));
        assertSameCode(shipped, compiled);
    }

    /** The dump compares everything luaj writes; this names the first function that differs. */
    private static void assertSameCode(Prototype shipped, Prototype compiled) {
        String where = compiled.source + ":" + compiled.linedefined;
        assertThat(shipped.code).as(where).isEqualTo(compiled.code);
        assertThat(Arrays.asList(shipped.k)).as(where).isEqualTo(Arrays.asList(compiled.k));
        assertThat(shipped.lineinfo).as(where).isEqualTo(compiled.lineinfo);
        assertThat(shipped.p).as(where).hasSameSizeAs(compiled.p);
        for (int i = 0; i < compiled.p.length; i++) {
            assertSameCode(shipped.p[i], compiled.p[i]);
        }
    }
}
