package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organisation-wide rate limit: in-process, through the JUnit extension, the admin route and the standalone
 * command line. Windows of a minute keep the counts independent of how fast this machine is.
 */
class RateLimitTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @RegisterExtension
    static final FakeKonnectExtension KONNECT = new FakeKonnectExtension(FakeKonnect.builder().rateLimit(3, MINUTE));

    @Test
    void answersKonnectsTooManyRequestsAboveTheLimitForTheWholeOrganisation() {
        FakeKonnect fake = KONNECT.fake();
        String other = fake.addControlPlane("other");
        KonnectHttp http = KonnectHttp.of(fake);

        List<Integer> statuses = List.of(
                http.get(plugins(fake.controlPlaneId())).statusCode(),
                http.get(plugins(other)).statusCode(),
                http.get("/v2/control-planes").statusCode());
        HttpResponse<String> refused = http.get(plugins(other));

        assertThat(statuses).containsExactly(200, 200, 200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(refused.body()).isEqualTo("{\"message\":\"API rate limit exceeded\"}");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(fake.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void aRefusedWriteChangesNothing() {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp http = KonnectHttp.of(fake);
        for (int i = 0; i < 3; i++) {
            http.get(plugins(fake.controlPlaneId()));
        }

        HttpResponse<String> refused = http.post(plugins(fake.controlPlaneId()), pluginBody("hello"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void requestsWithoutTheTokenNeitherCountNorAreLimited() {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp stranger = KonnectHttp.of(fake).withToken("kpat_other");
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(401);
        }

        assertThat(KonnectHttp.of(fake).get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(200);
        assertThat(fake.rateLimitedCount()).isZero();
    }

    @Test
    void canBeChangedLiftedAndIsTheBuildersAgainAfterReset() {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp http = KonnectHttp.of(fake);
        String path = plugins(fake.controlPlaneId());

        fake.rateLimit(1, MINUTE);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
        assertThat(http.get(path).statusCode()).isEqualTo(429);
        fake.noRateLimit();
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(path).statusCode()).isEqualTo(200);
        }

        fake.reset();
        assertThat(fake.rateLimitedCount()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(path).statusCode()).isEqualTo(200);
        }
        assertThat(http.get(path).statusCode()).isEqualTo(429);
    }

    @Test
    void aNewWindowAdmitsRequestsAgain() throws InterruptedException {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp http = KonnectHttp.of(fake);
        String path = plugins(fake.controlPlaneId());
        fake.rateLimit(1, Duration.ofMillis(300));
        http.get(path);
        // Two requests in a row: at most one of them can fall in the window of the first.
        boolean refusedOnce = http.get(path).statusCode() == 429 || http.get(path).statusCode() == 429;

        Thread.sleep(650);

        assertThat(refusedOnce).isTrue();
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void queuedFaultsComeFirstAndDoNotCount() {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp http = KonnectHttp.of(fake);
        fake.faults().failNext(2, 503);

        assertThat(http.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(503);
        assertThat(http.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(503);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(200);
        }
        assertThat(http.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(429);
    }

    @Test
    void theBuilderRefusesALimitOfNothing() {
        assertThatThrownBy(() -> FakeKonnect.builder().rateLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 request");
    }

    /** The admin route replaces the builder's limit of the outer class's fake. */
    @Nested
    class OverTheAdminApi {
        @Test
        void setsShowsAndLiftsTheLimit() {
            FakeKonnect fake = KONNECT.fake();
            KonnectHttp http = KonnectHttp.of(fake);
            KonnectHttp admin = http.withToken(null);

            HttpResponse<String> set = admin.send(admin.request("/__admin/fake-konnect/rate-limit")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"requests\":1,\"window_ms\":60000}")));
            http.get(plugins(fake.controlPlaneId()));
            int limited = http.get(plugins(fake.controlPlaneId())).statusCode();
            JsonNode state = json(admin.get("/__admin/fake-konnect/state")).get("rate_limit");
            int lifted = admin.delete("/__admin/fake-konnect/rate-limit").statusCode();

            assertThat(set.statusCode()).isEqualTo(204);
            assertThat(limited).isEqualTo(429);
            assertThat(state.get("requests").asInt()).isEqualTo(1);
            assertThat(state.get("window_ms").asLong()).isEqualTo(60_000);
            assertThat(state.get("refused").asLong()).isEqualTo(1);
            assertThat(lifted).isEqualTo(204);
            assertThat(http.get(plugins(fake.controlPlaneId())).statusCode()).isEqualTo(200);
        }

        @Test
        void refusesABadBody() {
            KonnectHttp admin = KonnectHttp.of(KONNECT.fake()).withToken(null);

            HttpResponse<String> bad = admin.send(admin.request("/__admin/fake-konnect/rate-limit")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"requests\":\"many\"}")));
            HttpResponse<String> zero = admin.send(admin.request("/__admin/fake-konnect/rate-limit")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"requests\":0}")));

            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("requests");
            assertThat(zero.statusCode()).isEqualTo(400);
            assertThat(zero.body()).contains("at least 1 request");
        }
    }

    @Nested
    class Standalone {
        @Test
        void takesTheLimitFromTheCommandLine() {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            String[] args = {"--port", "0", "--rate-limit", "2", "--rate-limit-window-ms=60000"};

            try (FakeKonnect fake = FakeKonnectServer.start(args,
                    new PrintStream(printed, true, StandardCharsets.UTF_8))) {
                KonnectHttp http = KonnectHttp.of(fake);
                String path = plugins(fake.controlPlaneId());

                assertThat(List.of(http.get(path).statusCode(), http.get(path).statusCode(),
                        http.get(path).statusCode())).containsExactly(200, 200, 429);
            }
        }

        @Test
        void refusesABadLimit() {
            assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--rate-limit", "0"}, System.out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate-limit")
                    .hasMessageContaining("at least 1");
            assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--rate-limit", "ten"}, System.out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a number");
            assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--rate-limit-window-ms", "500"},
                    System.out)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs --rate-limit");
        }
    }
}
