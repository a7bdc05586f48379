package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.model.CustomPlugin;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue #11's causes, as behaviour: where calls run, and how much of a listing stays in memory. */
@WireMockTest
class ThreadingAndPagingTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final String PLUGIN = "{\"id\":\"1\",\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}";

    @Test
    void blockingCallsStayOnTheCallersThreadAndAsyncCallsCompleteOnTheGivenExecutor(WireMockRuntimeInfo wm)
            throws Exception {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN).withFixedDelay(200)));
        stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"data\":[" + PLUGIN + "]}")));
        ExecutorService pool = Executors.newFixedThreadPool(1, runnable -> new Thread(runnable, "user-pool"));
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = command -> {
            tasks.incrementAndGet();
            pool.execute(command);
        };
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer()).executor(counting)
                .build()) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();

            plugins.get("p");
            plugins.list().forEach(plugin -> { });
            assertThat(tasks).hasValue(0);

            String completedOn = plugins.async().get("p").thenApply(plugin -> Thread.currentThread().getName())
                    .get(5, TimeUnit.SECONDS);
            assertThat(completedOn).isEqualTo("user-pool");
            assertThat(tasks).hasValue(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aOneThreadExecutorDoesNotStarveConcurrentAsyncCalls(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN).withFixedDelay(50)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer()).executor(pool)
                .build()) {
            List<CompletableFuture<CustomPlugin>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(konnect.controlPlane(TestClients.CP).customPlugins().async().get("p"));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPageIsGarbageOnceIterationMovedPastIt(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"data\":[" + PLUGIN + "],\"offset\":\"2\"}")));
        stubFor(get(urlEqualTo(PATH + "?offset=2")).willReturn(okJson("{\"data\":[" + PLUGIN + "],\"offset\":\"3\"}")));
        stubFor(get(urlEqualTo(PATH + "?offset=3")).willReturn(okJson("{\"data\":[" + PLUGIN + "]}")));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            Iterator<Page<CustomPlugin>> pages = konnect.controlPlane(TestClients.CP).customPlugins().list()
                    .iterableByPage().iterator();
            WeakReference<List<CustomPlugin>> first = new WeakReference<>(pages.next().items());
            Page<CustomPlugin> second = pages.next();

            assertThat(collected(first)).as("the first page is still reachable from the iteration").isTrue();
            assertThat(second.hasNext()).isTrue();
            assertThat(pages.next().hasNext()).isFalse();
            assertThat(pages.hasNext()).isFalse();
        }
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 20 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }
}
