package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.model.CustomPlugin;
import dev.konnectplugins.testsupport.CapturingLogs;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What a {@link KonnectListener} is told, per attempt, for blocking and async calls, and that it cannot break one. */
@WireMockTest
class KonnectListenerTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final String LIMITED = "{\"message\":\"API rate limit exceeded\"}";
    private static final String PLUGIN = "{\"id\":\"1\",\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}";

    private final RecordingDelayer delayer = new RecordingDelayer();
    private final Recorder recorder = new Recorder();

    @Test
    void aSuccessfulCallIsOneStartAndOneResponseWithStatusAndSize(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));

        try (Konnect konnect = client(wm, recorder)) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        assertThat(recorder.events).containsExactly(
                "start GET " + PATH + "/p #1",
                "response GET " + PATH + "/p #1 200 " + PLUGIN.length() + " bytes");
        assertThat(recorder.durations).hasSize(1).allSatisfy(d -> assertThat(d).isPositive());
    }

    @Test
    void aRateLimitedAttemptReportsTheRetryWithTheRetryAfterDelay(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).inScenario("s").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(LIMITED)));
        stubFor(get(urlEqualTo(PATH + "/p")).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(PLUGIN)));

        try (Konnect konnect = client(wm, recorder)) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        assertThat(recorder.events).containsExactly(
                "start GET " + PATH + "/p #1",
                "response GET " + PATH + "/p #1 429 " + LIMITED.length() + " bytes",
                "retry GET " + PATH + "/p #1 in PT3S because 429",
                "start GET " + PATH + "/p #2",
                "response GET " + PATH + "/p #2 200 " + PLUGIN.length() + " bytes");
        assertThat(delayer.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void asyncCallsReportTheSameEventsOnTheExecutorsThread(WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));

        try (Konnect konnect = client(wm, recorder)) {
            konnect.controlPlane(TestClients.CP).customPlugins().async().get("p").get(10, TimeUnit.SECONDS);
        }

        assertThat(recorder.events).containsExactly(
                "start GET " + PATH + "/p #1",
                "response GET " + PATH + "/p #1 200 " + PLUGIN.length() + " bytes");
        assertThat(recorder.threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("konnect-http-"));
    }

    @Test
    void aTransportFailureIsReportedPerAttemptWithEachRetry(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try (Konnect konnect = client(wm, recorder)) {
            catchThrowableOfType(KonnectTransportException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"));
        }

        assertThat(recorder.events).hasSize(8);
        assertThat(recorder.events.get(0)).isEqualTo("start GET " + PATH + "/p #1");
        assertThat(recorder.events.get(1)).startsWith("failed GET " + PATH + "/p #1 KonnectTransportException: ")
                .contains("localhost", "(GET " + PATH + "/p)");
        assertThat(recorder.events.get(2)).startsWith("retry GET " + PATH + "/p #1 in PT")
                .matches(".* because [A-Za-z]+Exception");
        assertThat(recorder.events.get(5)).startsWith("retry GET " + PATH + "/p #2");
        assertThat(recorder.events.get(6)).isEqualTo("start GET " + PATH + "/p #3");
        assertThat(recorder.events.get(7)).startsWith("failed GET " + PATH + "/p #3 ");
        assertThat(String.join("\n", recorder.events)).doesNotContain(TestClients.TOKEN);
    }

    @Test
    void aThrowingListenerIsLoggedAndSkippedAndTheOthersStillHear(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson(PLUGIN)));
        KonnectListener broken = new KonnectListener() {
            @Override
            public void attemptStarted(String method, String path, int attempt) {
                throw new IllegalStateException("listener bug " + TestClients.TOKEN);
            }

            @Override
            public void responseReceived(String method, String path, int attempt, int status, Duration duration,
                                         long responseBytes) {
                throw new AssertionError("listener bug");
            }
        };
        CapturingLogs.clear();

        CustomPlugin plugin;
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), delayer).listener(broken).listener(recorder)
                .build()) {
            plugin = konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        assertThat(plugin.getName()).isEqualTo("p");
        assertThat(recorder.events).hasSize(2);
        List<CapturingLogs.Event> warnings = CapturingLogs.events().stream()
                .filter(e -> e.logger().startsWith("dev.konnectplugins") && e.level() == Level.WARN).toList();
        assertThat(warnings).extracting(CapturingLogs.Event::message).anySatisfy(message -> assertThat(message)
                .contains("IllegalStateException").contains("attemptStarted"))
                .anySatisfy(message -> assertThat(message).contains("AssertionError").contains("responseReceived"));
        assertThat(CapturingLogs.events()).noneSatisfy(e -> assertThat(e.message()).contains(TestClients.TOKEN));
    }

    private Konnect client(WireMockRuntimeInfo wm, KonnectListener listener) {
        return TestClients.builder(wm.getHttpPort(), delayer).listener(listener).build();
    }

    /** Writes each event as a line, so tests compare whole sequences. */
    private static final class Recorder implements KonnectListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Duration> durations = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void attemptStarted(String method, String path, int attempt) {
            threads.add(Thread.currentThread().getName());
            events.add("start " + method + " " + path + " #" + attempt);
        }

        @Override
        public void responseReceived(String method, String path, int attempt, int status, Duration duration,
                                     long responseBytes) {
            durations.add(duration);
            events.add("response " + method + " " + path + " #" + attempt + " " + status + " " + responseBytes
                    + " bytes");
        }

        @Override
        public void attemptFailed(String method, String path, int attempt, Duration duration,
                                  KonnectException failure) {
            events.add("failed " + method + " " + path + " #" + attempt + " " + failure.getClass().getSimpleName()
                    + ": " + failure.getMessage());
        }

        @Override
        public void retryScheduled(String method, String path, int attempt, Duration delay, String reason) {
            events.add("retry " + method + " " + path + " #" + attempt + " in " + delay + " because " + reason);
        }
    }
}
