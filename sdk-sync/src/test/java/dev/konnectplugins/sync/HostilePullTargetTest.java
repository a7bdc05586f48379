package dev.konnectplugins.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.RetryPolicy;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: {@code pull} writes into a folder that may hold what a repository committed (links, FIFOs):
 * it never writes through a link, reports what it leaves alone, and a name that cannot be a folder here skips that
 * plugin, not the pull.
 */
@ExtendWith(FakeKonnectExtension.class)
class HostilePullTargetTest {
    @TempDir
    Path tmp;

    private FakeKonnect fake;
    private Konnect konnect;
    private PluginSync sync;
    private Path target;

    @BeforeEach
    void setUp(FakeKonnect fake) {
        this.fake = fake;
        konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).retryPolicy(RetryPolicy.none())
                .validateBeforeUpload(false).build();
        sync = PluginSync.of(konnect);
        target = tmp.resolve("repo");
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    private void remote(String... names) {
        for (String name : names) {
            konnect.controlPlane(fake.controlPlaneId()).customPlugins()
                    .upsert(PluginSource.of(name, Plugins.handler("X-" + name), Plugins.schema(name)));
        }
    }

    @Test
    void overwriteNeverWritesThroughALinkAlreadyInTheTarget() throws IOException {
        remote("alpha", "beta");
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Path alpha = Files.createDirectories(target.resolve("alpha"));
        Files.createSymbolicLink(alpha.resolve("handler.lua"), Path.of("../../victim.txt"));

        List<PulledPlugin> pulled = sync.pull(fake.controlPlaneName(), target, true);

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(alpha.resolve("handler.lua"))).as("the link is left alone").isTrue();
        assertThat(pulled.get(0).status()).isEqualTo(PullStatus.SKIPPED);
        assertThat(pulled.get(0).message()).contains("handler.lua", "symbolic link");
        assertThat(pulled.get(1).status()).as("the pull goes on").isEqualTo(PullStatus.WRITTEN);
        assertThat(Files.readString(target.resolve("beta/handler.lua"))).isEqualTo(Plugins.handler("X-beta"));
    }

    @Test
    void aPluginFolderThatIsALinkIsLeftAlone() throws IOException {
        remote("alpha");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("alpha"), elsewhere);

        List<PulledPlugin> pulled = sync.pull(fake.controlPlaneName(), target, true);

        assertThat(pulled).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PullStatus.SKIPPED);
            assertThat(p.message()).contains("symbolic link");
        });
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    void aFifoInTheTargetIsLeftAloneAndDoesNotBlock() throws IOException, InterruptedException {
        remote("alpha");
        Path alpha = Files.createDirectories(target.resolve("alpha"));
        int status;
        try {
            status = new ProcessBuilder("mkfifo", alpha.resolve("schema.lua").toString()).start().waitFor();
        } catch (IOException e) {
            status = -1;
        }
        assumeThat(status).as("mkfifo available").isZero();

        List<PulledPlugin> pulled = sync.pull(fake.controlPlaneName(), target, true);

        assertThat(pulled).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PullStatus.SKIPPED);
            assertThat(p.message()).contains("schema.lua", "not a regular file");
        });
    }

    @Test
    void aNameTooLongForAFolderSkipsThatPluginAndThePullGoesOn() throws IOException {
        String longName = "a" + "b".repeat(298) + "c"; // a valid plugin name; no file system takes 300 bytes
        remote(longName, "zeta");

        List<PulledPlugin> pulled = sync.pull(fake.controlPlaneName(), target, false);

        assertThat(pulled).extracting(PulledPlugin::status).containsExactly(PullStatus.SKIPPED, PullStatus.WRITTEN);
        assertThat(pulled.get(0).message()).contains("cannot be written", "skipped");
        assertThat(Files.readString(target.resolve("zeta/schema.lua"))).isEqualTo(Plugins.schema("zeta"));
    }
}
