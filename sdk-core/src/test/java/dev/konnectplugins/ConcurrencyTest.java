package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.konnectplugins.model.CustomPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** One client shared by 32 threads: every answer reaches the caller that asked, and no thread outlives close(). */
class ConcurrencyTest {
    private static final int THREADS = 32;
    private static final int CALLS_PER_THREAD = 100;

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(40).extensions(new EchoName()))
            .build();

    @Test
    void sharedClientAnswersEveryCallCorrectlyAndLeavesNoThreads() throws Exception {
        wm.stubFor(get(urlPathMatching("/v2/control-planes/.*/core-entities/custom-plugins/.*"))
                .willReturn(okJson("{}").withTransformers("echo-name")));
        Set<String> threadsBefore = liveThreadNames();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        int mismatches = 0;
        try (Konnect konnect = TestClients.client(wm.getPort())) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(callers.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        String name = "p-" + thread + "-" + i;
                        CustomPlugin plugin = plugins.get(name);
                        wrong += name.equals(plugin.getName()) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> result : results) {
                mismatches += result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdown();
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(mismatches).isZero();
        assertThat(wm.getAllServeEvents()).hasSize(THREADS * CALLS_PER_THREAD);
        awaitSdkThreadsGone(threadsBefore);
    }

    private static void awaitSdkThreadsGone(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> leaked;
        do {
            leaked = liveThreadNames().stream().filter(name -> name.startsWith("konnect-") && !before.contains(name))
                    .collect(Collectors.toSet());
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(leaked).as("SDK threads still alive after close()").isEmpty();
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** Answers each GET with the plugin name taken from its path, so a crossed answer would be noticed. */
    static final class EchoName implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            String url = serveEvent.getRequest().getUrl();
            String name = url.substring(url.lastIndexOf('/') + 1);
            return Response.Builder.like(response).but().body("{\"id\":\"" + name + "\",\"name\":\"" + name
                    + "\",\"handler\":\"h\",\"schema\":\"s\"}").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "echo-name";
        }
    }
}
