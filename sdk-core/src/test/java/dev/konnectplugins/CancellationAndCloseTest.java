package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.KonnectTimeoutException.Timeout;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller who gives up stops the call; closing the client ends the calls still running; slow bodies time out. */
@WireMockTest
class CancellationAndCloseTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final PluginSource SOURCE = PluginSource.of("p", "return {}", "return {}");

    @Test
    void cancellingAnUploadStopsItsRetries(WireMockRuntimeInfo wm) {
        stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        List<CompletableFuture<Void>> waits = new CopyOnWriteArrayList<>();
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new dev.konnectplugins.testsupport.RecordingDelayer()).delayer(wait -> {
            CompletableFuture<Void> pending = new CompletableFuture<>();
            waits.add(pending);
            return pending;
        }).build()) {
            CompletableFuture<?> upload = konnect.controlPlane(TestClients.CP).customPlugins().async().create(SOURCE);
            await(() -> waits.size() == 1);

            assertThat(upload.cancel(true)).isTrue();
            waits.get(0).complete(null);
        }
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void closingTheClientFailsCallsStillRunning(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(PATH + "/slow").willReturn(okJson("{}").withFixedDelay(3000)));
        Konnect konnect = Konnect.builder().baseUrl(URI.create("http://localhost:" + wm.getHttpPort()))
                .token(TestClients.TOKEN).build();
        CompletableFuture<?> call = konnect.controlPlane(TestClients.CP).customPlugins().async().get("slow");
        await(() -> !wm.getWireMock().find(getRequestedFor(urlEqualTo(PATH + "/slow"))).isEmpty());

        konnect.close();

        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> call.get(2, TimeUnit.SECONDS));
        assertThat(e).hasCauseInstanceOf(KonnectTransportException.class);
        assertThat(e.getCause()).hasMessageContaining("closed");
    }

    @Test
    void aBodyThatStallsFiresTheAttemptTimeout(WireMockRuntimeInfo wm) {
        stubFor(get(PATH + "/dribble").willReturn(okJson("{\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}")
                .withChunkedDribbleDelay(5, 3000)));

        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new dev.konnectplugins.testsupport
                .RecordingDelayer()).attemptTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build()) {
            KonnectTimeoutException e = catchThrowableOfType(
                    KonnectTimeoutException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().get("dribble"));

            assertThat(e.timeout()).isEqualTo(Timeout.ATTEMPT);
            assertThat(e.attempts()).isEqualTo(2);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
