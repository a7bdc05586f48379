package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how long the client waits, and what it reports when it gives up. */
@WireMockTest
class RetryTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final String PLUGIN = "{\"id\":\"1\",\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}";
    private static final PluginSource SOURCE = PluginSource.of("p", "return {}", "return {}");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final RecordingDelayer delayer = new RecordingDelayer();
    private int port;
    private Konnect konnect;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        port = wm.getHttpPort();
        konnect = client(RetryPolicy.defaults());
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void rateLimitedGetHonoursRetryAfterSeconds() {
        sequence(() -> get(urlEqualTo(PATH + "/p")), aResponse().withStatus(429).withHeader("Retry-After", "2"),
                okJson(PLUGIN));

        assertThat(plugins().get("p").getName()).isEqualTo("p");
        assertThat(delayer.waits()).containsExactly(Duration.ofSeconds(2));
        verify(2, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void rateLimitedPostIsRetriedBecauseNothingWasDone() {
        sequence(() -> post(urlEqualTo(PATH)), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                aResponse().withStatus(201).withBody(PLUGIN));

        assertThat(plugins().create(SOURCE).getId()).isEqualTo("1");
        verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredAgainstTheClock() {
        sequence(() -> get(urlEqualTo(PATH + "/p")),
                aResponse().withStatus(429).withHeader("Retry-After", "Thu, 26 Nov 2026 10:00:05 GMT"), okJson(PLUGIN));

        plugins().get("p");

        assertThat(delayer.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterMillisWins() {
        sequence(() -> get(urlEqualTo(PATH + "/p")), aResponse().withStatus(429).withHeader("retry-after-ms", "250")
                .withHeader("Retry-After", "9"), okJson(PLUGIN));

        plugins().get("p");

        assertThat(delayer.waits()).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void retryAfterIsCappedByMaxBackoff() {
        konnect.close();
        konnect = client(RetryPolicy.builder().maxBackoff(Duration.ofSeconds(3)).initialBackoff(Duration.ofSeconds(1))
                .build());
        sequence(() -> get(urlEqualTo(PATH + "/p")), aResponse().withStatus(429).withHeader("Retry-After", "77"),
                okJson(PLUGIN));

        plugins().get("p");

        assertThat(delayer.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffExponentially() {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(429)
                .withBody("{\"message\":\"API rate limit exceeded\"}")));
        konnect.close();
        konnect = client(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(500)).build());

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> plugins().get("p"));

        assertThat(e.retryAfter()).isEmpty();
        assertThat(delayer.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(500));
        verify(5, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void fullJitterDrawsBelowTheCap() {
        konnect.close();
        konnect = TestClients.builder(port, delayer).random(() -> 0.5).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).build()).build();
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(503)));

        catchThrowableOfType(ServerException.class, () -> plugins().get("p"));

        assertThat(delayer.waits()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void serviceUnavailableBurstOnGetIsRetriedUntilSuccess() {
        sequence(() -> get(urlEqualTo(PATH + "/p")), aResponse().withStatus(503), aResponse().withStatus(503),
                okJson(PLUGIN));

        assertThat(plugins().get("p").getName()).isEqualTo("p");
        verify(3, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void exhaustedRetriesReportEveryAttempt() {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(503)
                .withBody("{\"message\":\"upstream unavailable\"}")));

        ServerException e = catchThrowableOfType(ServerException.class, () -> plugins().get("p"));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.attemptFailures()).hasSize(2).allSatisfy(line -> assertThat(line).contains("HTTP 503"));
        assertThat(e.getMessage()).contains("gave up after 3 attempts", "#1", "#2", "upstream unavailable");
        verify(3, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void serverErrorOnPostIsNeverResent() {
        stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        ServerException e = catchThrowableOfType(ServerException.class, () -> plugins().create(SOURCE));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.attemptFailures()).isEmpty();
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void internalServerErrorIsNotRetriedByDefault() {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(500)));

        catchThrowableOfType(ServerException.class, () -> plugins().get("p"));

        verify(1, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void retryableStatusesAreConfigurable() {
        konnect.close();
        konnect = client(RetryPolicy.builder().retryableStatuses(Set.of(500)).build());
        sequence(() -> put(urlEqualTo(PATH + "/p")), aResponse().withStatus(500), okJson(PLUGIN));

        plugins().upsert(SOURCE);

        verify(2, putRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void connectionResetOnGetIsRetried() {
        sequence(() -> get(urlEqualTo(PATH + "/p")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(PLUGIN));

        assertThat(plugins().get("p").getName()).isEqualTo("p");
        verify(2, getRequestedFor(urlEqualTo(PATH + "/p")));
    }

    @Test
    void connectionResetOnPostIsNotRetried() {
        stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        KonnectTransportException e = catchThrowableOfType(KonnectTransportException.class,
                () -> plugins().create(SOURCE));

        assertThat(e.getMessage()).contains("POST " + PATH);
        verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void refusedConnectionIsRetriedEvenForPost() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Konnect refused = TestClients.builder(closedPort, delayer).build()) {
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class,
                    () -> refused.controlPlane(TestClients.CP).customPlugins().create(SOURCE));

            assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(delayer.waits()).hasSize(2);
        }
    }

    @Test
    void noRetryPolicyMakesOneAttempt() {
        konnect.close();
        konnect = client(RetryPolicy.none());
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        catchThrowableOfType(RateLimitedException.class, () -> plugins().get("p"));

        verify(1, getRequestedFor(urlEqualTo(PATH + "/p")));
        assertThat(delayer.waits()).isEmpty();
    }

    private CustomPlugins plugins() {
        return konnect.controlPlane(TestClients.CP).customPlugins();
    }

    private Konnect client(RetryPolicy policy) {
        return TestClients.builder(port, delayer).clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(policy).build();
    }

    /** Answers the given responses in turn, the last one from then on. */
    private static void sequence(java.util.function.Supplier<MappingBuilder> request,
                                 ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "step-" + (i + 1);
            stubFor(request.get().inScenario("sequence").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(responses[i]));
            state = next;
        }
    }
}
