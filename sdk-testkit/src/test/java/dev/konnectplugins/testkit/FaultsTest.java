package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeKonnectExtension.class)
class FaultsTest {

    private final FakeKonnect fake;
    private final KonnectHttp http;
    private final String path;

    /** One fake per class, reset before each test by the extension. */
    FaultsTest(FakeKonnect fake) {
        this.fake = fake;
        this.http = KonnectHttp.of(fake);
        this.path = plugins(fake.controlPlaneId());
    }

    @Test
    void rateLimitWithRetryAfterThenNormal() {
        fake.faults().rateLimitNext(2, Duration.ofSeconds(3));

        HttpResponse<String> first = http.get(path);
        HttpResponse<String> second = http.get(path);
        HttpResponse<String> third = http.get(path);

        for (HttpResponse<String> limited : List.of(first, second)) {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(limited.body()).isEqualTo("{\"message\":\"API rate limit exceeded\"}");
        }
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(fake.faults().pending()).isZero();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        fake.faults().rateLimitNext(1, Duration.ofMillis(1200));

        assertThat(http.get(path).headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void rateLimitWithoutRetryAfter() {
        fake.faults().rateLimitNext(1);

        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void rateLimitWithAnHttpDate() {
        fake.faults().rateLimitNext(1, Instant.parse("2030-01-01T00:00:10Z"));

        assertThat(http.get(path).headers().firstValue("Retry-After")).hasValue("Tue, 1 Jan 2030 00:00:10 GMT");
    }

    @Test
    void aRateLimitedPostCreatesNothing() {
        fake.faults().rateLimitNext(1, Duration.ofSeconds(1));

        assertThat(http.post(path, pluginBody("hello")).statusCode()).isEqualTo(429);
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
        assertThat(http.post(path, pluginBody("hello")).statusCode()).isEqualTo(201);
    }

    @Test
    void failNextAnswersTheStatus() {
        fake.faults().failNext(1, 503);

        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void failNextRejectsNonErrorStatuses() {
        assertThatThrownBy(() -> fake.faults().failNext(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.faults().failNext(0, 500)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badGatewayIsAnHtmlPage() {
        fake.faults().badGatewayNext(1);

        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).contains("<h1>502 Bad Gateway</h1>");
    }

    @Test
    void faultsApplyInTheOrderTheyWereQueued() {
        fake.faults().rateLimitNext(1, Duration.ofSeconds(1)).failNext(2, 500).respondNext(1, 418, "text/plain", "tea");

        assertThat(http.get(path).statusCode()).isEqualTo(429);
        assertThat(http.get(path).statusCode()).isEqualTo(500);
        assertThat(http.get(path).statusCode()).isEqualTo(500);
        assertThat(http.get(path).body()).isEqualTo("tea");
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void aDelayedRequestTimesOutAClientWithAShorterTimeout() {
        fake.faults().delayNext(1, Duration.ofMillis(800));

        assertThatThrownBy(() -> http.send(http.request(path).timeout(Duration.ofMillis(200)).GET()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aDelayedRequestStillGetsItsNormalAnswer() {
        fake.faults().delayNext(1, Duration.ofMillis(300));
        long started = System.nanoTime();

        HttpResponse<String> response = http.post(path, pluginBody("hello"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void resetConnectionFailsTheRequest() {
        fake.faults().resetConnectionNext(1);

        assertThatThrownBy(() -> http.get(path)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void emptyResponseFailsTheRequest() {
        fake.faults().emptyResponseNext(1);

        assertThatThrownBy(() -> http.get(path)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void clearDropsQueuedFaults() {
        fake.faults().failNext(5, 500);
        fake.faults().clear();

        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }
}
