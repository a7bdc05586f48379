package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrentCreatesOfOneNameSucceedExactlyOnce() throws Exception {
        try (FakeKonnect fake = FakeKonnect.start()) {
            KonnectHttp http = KonnectHttp.of(fake);
            String path = plugins(fake.controlPlaneId());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String name = "plugin-" + (i % 10);
                    statuses.add(pool.submit(() -> http.post(path, pluginBody(name)).statusCode()));
                }
                List<Integer> results = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    results.add(status.get());
                }

                assertThat(results).filteredOn(status -> status == 201).hasSize(10);
                assertThat(results).filteredOn(status -> status == 400).hasSize(30);
                assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(10);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
