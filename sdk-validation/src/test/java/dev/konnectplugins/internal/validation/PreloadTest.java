package dev.konnectplugins.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PreloadTest {
    @Test
    void thePreloadedPluginPassesEveryStage() {
        List<Diagnostic> diagnostics = PluginCheck.run(WarmUpPlugin.NAME, Preload::plugin);

        assertThat(diagnostics).isEmpty();
    }

    @Test
    void validationsStartedBesideThePreloadFindWhatTheyFindWithoutIt() throws Exception {
        PluginFiles broken = new PluginFiles("local Handler = { PRIORITY = 1, VERSION = \"1.0\" }\n"
                + "ngx.timer.at(0, function() end)\nreturn Handler\n", "return { name = \"other\", fields = {} }\n",
                List.of());
        List<Diagnostic> before = PluginCheck.run("preload-test", () -> broken);

        Preload.start();
        Preload.start();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Diagnostic>>> during = List.of(
                    pool.submit(() -> PluginCheck.run("preload-test", () -> broken)),
                    pool.submit(() -> PluginCheck.run("preload-test", () -> broken)),
                    pool.submit(() -> PluginCheck.run("preload-test", () -> broken)));
            for (Future<List<Diagnostic>> result : during) {
                assertThat(result.get()).isEqualTo(before);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(before).extracting(Diagnostic::rule).contains("sandbox.timer", "name.mismatch");
    }
}
