package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.internal.Delayer;
import dev.konnectplugins.model.CustomPlugin;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxRequestsPerSecond}: one limit for every call of a client, retries included, measured on an injected
 * clock that stands still, so each wait the client asks for is exact and nothing sleeps.
 */
@WireMockTest
class RateLimitTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final String PLUGIN = "{\"id\":\"1\",\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void blockingCallsWaitForTheirSlotOneIntervalApart(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));
        RecordingDelayer delayer = new RecordingDelayer();

        try (Konnect konnect = builder(wm, delayer).maxRequestsPerSecond(4).build()) {
            for (int i = 0; i < 3; i++) {
                konnect.controlPlane(TestClients.CP).customPlugins().get("p");
            }
        }

        // The clock stands still: the first request goes at once, the next ones queue 250 ms apart.
        assertThat(delayer.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void theClockMovingOnFreesTheSlot(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));
        RecordingDelayer delayer = new RecordingDelayer();

        try (Konnect konnect = builder(wm, delayer).maxRequestsPerSecond(2).build()) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
            now.addAndGet(Duration.ofMillis(300).toNanos());
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
            now.addAndGet(Duration.ofSeconds(5).toNanos());
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        // 300 ms after the first, the second waits the 200 ms left of its interval; after a quiet spell, no wait and
        // no burst saved up.
        assertThat(delayer.waits()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void retriesTakeASlotToo(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        stubFor(get(urlEqualTo(PATH + "/p")).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(PLUGIN)));
        RecordingDelayer delayer = new RecordingDelayer();

        try (Konnect konnect = builder(wm, delayer).maxRequestsPerSecond(10).build()) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        // The Retry-After backoff, then the retry's own slot (the clock stood still through the backoff).
        assertThat(delayer.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(100));
        verify(2, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void aSlotFurtherThanTheTotalTimeoutFailsTheCallWithoutSending(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));

        try (Konnect konnect = builder(wm, new RecordingDelayer()).maxRequestsPerSecond(0.1)
                .totalTimeout(Duration.ofSeconds(5)).build()) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
            assertThatThrownBy(() -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"))
                    .isInstanceOf(KonnectTimeoutException.class);
        }
        verify(1, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void anAsyncCallWaitsForItsSlotWithoutTakingAThread(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));
        HeldDelayer delayer = new HeldDelayer();
        AtomicInteger started = new AtomicInteger();

        try (Konnect konnect = builder(wm, delayer).maxRequestsPerSecond(1)
                .executor(task -> {
                    started.incrementAndGet();
                    pool.execute(task);
                }).build()) {
            CustomPluginsAsync plugins = konnect.controlPlane(TestClients.CP).customPlugins().async();
            plugins.get("p").get(10, TimeUnit.SECONDS);
            CompletableFuture<CustomPlugin> second = plugins.get("p");

            assertThat(delayer.waits).containsExactly(Duration.ofSeconds(1));
            assertThat(started).hasValue(1);
            assertThat(second).isNotDone();

            delayer.release();
            assertThat(second.get(10, TimeUnit.SECONDS).getName()).isEqualTo("p");
            // The slot was paid for before the call took its thread: it did not wait a second time.
            assertThat(delayer.waits).hasSize(1);
            assertThat(started).hasValue(2);
        }
        verify(2, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void closingTheClientFailsAnAsyncCallStillWaitingForItsSlot(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));
        HeldDelayer delayer = new HeldDelayer();
        CompletableFuture<CustomPlugin> waiting;

        try (Konnect konnect = builder(wm, delayer).maxRequestsPerSecond(1).build()) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
            waiting = konnect.controlPlane(TestClients.CP).customPlugins().async().get("p");
        }

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(KonnectTransportException.class)
                .hasMessageContaining("closed");
        verify(1, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void theRateMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Konnect.builder().maxRequestsPerSecond(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxRequestsPerSecond");
        }
    }

    private Konnect.Builder builder(WireMockRuntimeInfo wm, Delayer delayer) {
        return Konnect.builder()
                .baseUrl(java.net.URI.create("http://localhost:" + wm.getHttpPort()))
                .token(TestClients.TOKEN)
                .delayer(delayer)
                .random(() -> 1.0)
                .nanoTime(now::get);
    }

    /** Records each wait and completes none until released. */
    private static final class HeldDelayer implements Delayer {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> after(Duration wait) {
            waits.add(wait);
            CompletableFuture<Void> done = new CompletableFuture<>();
            held.add(done);
            return done;
        }

        void release() {
            held.forEach(done -> done.complete(null));
        }
    }
}
