package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.KonnectTimeoutException.Timeout;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The fault matrix: each broken answer surfaces as a transport exception, retried only where that is safe. */
@WireMockTest
class TransportFaultTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final PluginSource SOURCE = PluginSource.of("p", "return {}", "return {}");

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenAnswersOnGetAreTransportErrorsAfterThreeAttempts(Fault fault, WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withFault(fault)));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e).isNotInstanceOf(KonnectTimeoutException.class);
            assertThat(e.getMessage()).startsWith("no usable answer from localhost:" + wm.getHttpPort() + ": ")
                    .contains(" (GET " + PATH + "/p)");
            assertThat(e.attempts()).isEqualTo(3);
        }
        // java.net.http itself resends a GET once when the connection dies before any response byte
        // (its guard against stale keep-alive connections), so each SDK attempt is one or two requests.
        assertThat(getAllServeEvents()).hasSizeBetween(3, 6);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void brokenAnswersOnPostAreNotResent(Fault fault, WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(fault)));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            catchThrowableOfType(KonnectTransportException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().create(SOURCE));
        }
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void slowAnswerFiresTheAttemptTimeoutAndIsRetried(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson("{}").withFixedDelay(1500)));

        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer())
                .attemptTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build()) {
            KonnectTimeoutException e = catchThrowableOfType(
                    KonnectTimeoutException.class, () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.timeout()).isEqualTo(Timeout.ATTEMPT);
            assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
            assertThat(e.getMessage()).contains("attempt timeout of 200 ms");
            assertThat(e.attempts()).isEqualTo(2);
        }
        verify(2, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void totalTimeoutBoundsTheWholeCall(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson("{}").withFixedDelay(2000)));

        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer())
                .attemptTimeout(Duration.ofSeconds(30)).totalTimeout(Duration.ofMillis(300)).build()) {
            KonnectTimeoutException e = catchThrowableOfType(
                    KonnectTimeoutException.class, () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.timeout()).isEqualTo(Timeout.TOTAL);
            assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void timedOutPostIsNotResent(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{}").withFixedDelay(1500)));

        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer())
                .attemptTimeout(Duration.ofMillis(200)).build()) {
            KonnectTimeoutException e = catchThrowableOfType(
                    KonnectTimeoutException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().create(SOURCE));
            assertThat(e.timeout()).isEqualTo(Timeout.ATTEMPT);
        }
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void closedClientRefusesCalls(WireMockRuntimeInfo wm) {
        Konnect konnect = TestClients.client(wm.getHttpPort());
        konnect.close();

        assertThat(catchThrowableOfType(KonnectTransportException.class,
                () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"))).hasMessageContaining("closed");
    }
}
