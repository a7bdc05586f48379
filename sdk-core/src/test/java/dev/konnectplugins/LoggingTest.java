package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.testsupport.CapturingLogs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** What the SDK logs: one DEBUG line per attempt, bodies at TRACE, never the token, never WARN or ERROR. */
@WireMockTest
class LoggingTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";

    @BeforeEach
    void clear() {
        CapturingLogs.clear();
    }

    @Test
    void oneDebugLinePerAttemptWithMethodPathStatusAttemptAndDuration(WireMockRuntimeInfo wm) {
        stubFor(get(PATH + "/p").willReturn(okJson("{\"name\":\"p\"}")));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            konnect.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        List<CapturingLogs.Event> debug = sdkEvents(Level.DEBUG);
        assertThat(debug).hasSize(1);
        assertThat(debug.get(0).message()).matches("GET " + PATH + "/p -> 200 \\(attempt 1/3, \\d+ ms\\)");
        assertThat(sdkEvents(Level.TRACE)).anySatisfy(e -> assertThat(e.message()).contains("{\"name\":\"p\"}"));
    }

    @Test
    void theTokenNeverAppearsAtAnyLevelEvenOnFailures(WireMockRuntimeInfo wm) {
        stubFor(get(PATH + "/a").willReturn(aResponse().withStatus(503).withBody("{\"message\":\"down\"}")));
        stubFor(get(PATH + "/b").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubFor(get(PATH + "/c").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Unauthorized\",\"status\":401}")));
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad\"}")));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();
            for (Runnable call : List.<Runnable>of(() -> plugins.get("a"), () -> plugins.get("b"),
                    () -> plugins.get("c"), () -> plugins.create(PluginSource.of("p", "return {}", "return {}")))) {
                Throwable failure = catchThrowable(call::run);
                assertThat(failure).isInstanceOf(KonnectException.class);
                assertThat(failure.toString()).doesNotContain(TestClients.TOKEN);
            }
        }

        assertThat(CapturingLogs.events()).isNotEmpty()
                .noneSatisfy(e -> assertThat(e.message()).contains(TestClients.TOKEN))
                .noneSatisfy(e -> assertThat(e.message()).containsIgnoringCase("authorization"));
        assertThat(sdkEvents(Level.WARN)).isEmpty();
        assertThat(sdkEvents(Level.ERROR)).isEmpty();
        assertThat(sdkEvents(Level.DEBUG)).anySatisfy(e -> assertThat(e.message()).contains("retrying in"));
    }

    private static List<CapturingLogs.Event> sdkEvents(Level level) {
        return CapturingLogs.events().stream()
                .filter(e -> e.logger().startsWith("dev.konnectplugins") && e.level() == level)
                .collect(java.util.stream.Collectors.toList());
    }
}
