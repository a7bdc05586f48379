package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.konnectplugins.testsupport.CapturingLogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/**
 * Issue #9, client rows: a hostile or misconfigured server cannot have the token sent elsewhere (12), exhaust the
 * client's memory (13) or write into its messages and logs (14).
 */
class HostileServerTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";

    @RegisterExtension
    static WireMockExtension konnect = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    // Row 12: a 302 to another host.

    @Test
    void aClientThatFollowsRedirectsIsRefusedBeforeAnythingIsSent() {
        konnect.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + PATH + "/p")));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();

        assertThatThrownBy(() -> TestClients.builder(konnect.getPort(), new dev.konnectplugins.testsupport
                .RecordingDelayer()).httpClient(following).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("follows redirects (ALWAYS)")
                .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
        assertThat(konnect.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsAnErrorAndTheOtherHostNeverSeesTheToken() {
        konnect.stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + PATH + "/p")));
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"name\":\"p\"}")));

        for (HttpClient client : new HttpClient[] {null, HttpClient.newHttpClient()}) {
            Konnect.Builder builder = TestClients.builder(konnect.getPort(),
                    new dev.konnectplugins.testsupport.RecordingDelayer());
            try (Konnect sdk = (client == null ? builder : builder.httpClient(client)).build()) {
                KonnectApiException e = catchThrowableOfType(
                        KonnectApiException.class, () -> sdk.controlPlane(TestClients.CP).customPlugins().get("p"));
                assertThat(e.statusCode()).isEqualTo(302);
            }
        }
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anAnswerFromAnotherHostIsRefusedEvenFromAClientThatHidesThatItFollowsRedirects() {
        konnect.stubFor(get(urlEqualTo(PATH + "/p")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + PATH + "/p")));
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"name\":\"p\",\"handler\":\"h\",\"schema\":\"s\"}")));
        HttpClient disguised = new DisguisedFollowingClient();

        try (Konnect sdk = TestClients.builder(konnect.getPort(), new dev.konnectplugins.testsupport.RecordingDelayer())
                .httpClient(disguised).build()) {
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class, () -> sdk.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.getMessage()).contains("was answered by another host (http://localhost:"
                    + elsewhere.getPort() + ")", "followRedirects(Redirect.NEVER)");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    // Row 13: a huge answer.

    @Test
    void anAnswerLargerThanTheLimitIsATransportErrorAndNotRetried() {
        konnect.stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson("{\"name\":\"" + "x".repeat(200_000) + "\"}")));

        try (Konnect sdk = TestClients.builder(konnect.getPort(), new dev.konnectplugins.testsupport.RecordingDelayer())
                .maxResponseBytes(64 * 1024).build()) {
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class, () -> sdk.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.getMessage()).contains("GET " + PATH + "/p failed: the answer is larger than "
                    + "maxResponseBytes (65536 bytes", "maxResponseBytes(...)");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void anAnswerDeclaredLargerThanTheLimitFailsWithoutWaitingForItsBody() throws Exception {
        HttpServer declaresAGigabyte = server(exchange -> {
            exchange.sendResponseHeaders(200, 1L << 30);
            exchange.getResponseBody().flush();
            sleepQuietly(Duration.ofSeconds(20));
        });
        try (Konnect sdk = Konnect.builder().baseUrl(baseUrl(declaresAGigabyte)).token(TestClients.TOKEN)
                .maxResponseBytes(1024 * 1024).build()) {
            long started = System.nanoTime();
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class, () -> sdk.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.getMessage()).contains("larger than maxResponseBytes (1048576 bytes; Content-Length says "
                    + (1L << 30) + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            declaresAGigabyte.stop(0);
        }
    }

    @Test
    void anEndlessAnswerIsCutOffAtTheLimitInsteadOfFillingTheHeap() throws Exception {
        AtomicLong written = new AtomicLong();
        HttpServer endless = server(exchange -> {
            exchange.sendResponseHeaders(200, 0);   // chunked, no length announced
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < 4L * 1024 * 1024 * 1024) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stops reading at its limit
            }
        });
        try (Konnect sdk = Konnect.builder().baseUrl(baseUrl(endless))
                .token(TestClients.TOKEN).maxResponseBytes(1024 * 1024).build()) {
            long started = System.nanoTime();
            KonnectTransportException e = catchThrowableOfType(
                    KonnectTransportException.class, () -> sdk.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.getMessage()).contains("the answer is larger than maxResponseBytes (1048576 bytes)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(written.get()).isLessThan(512L * 1024 * 1024);
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void theDefaultLimitIs32MiBAndOnlyPositiveLimitsAreAccepted() {
        assertThat(Konnect.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(32L * 1024 * 1024);
        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            assertThat(sdk.toString()).contains("maxResponseBytes=33554432");
        }
        assertThatThrownBy(() -> Konnect.builder().maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes");
    }

    // Row 14: control characters in what the server says.

    @Test
    void serverTextInMessagesIsEscapedAndCapped() {
        konnect.stubFor(get(urlEqualTo(PATH + "/ansi")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"\\u001b[31mred\\n::error file=x::forged\\r\",\"instance\":\"id\\u001b[0m\","
                        + "\"invalid_parameters\":[{\"field\":\"na\\nme\",\"reason\":\"bad\\u2028line\"}]}")));
        konnect.stubFor(get(urlEqualTo(PATH + "/long")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"" + "a".repeat(100_000) + "\"}")));
        konnect.stubFor(get(urlEqualTo(PATH + "/html")).willReturn(aResponse().withStatus(502)
                .withBody("<html><title>\u001b]0;owned\u0007Bad gateway</title></html>")));

        try (Konnect sdk = TestClients.builder(konnect.getPort(), new dev.konnectplugins.testsupport.RecordingDelayer())
                .retryPolicy(RetryPolicy.none()).build()) {
            CustomPlugins plugins = sdk.controlPlane(TestClients.CP).customPlugins();
            BadRequestException ansi = catchThrowableOfType(BadRequestException.class, () -> plugins.get("ansi"));
            assertThat(ansi.getMessage()).contains("\\u001b[31mred\\n::error file=x::forged\\r", "na\\nme",
                    "bad\\u2028line", "trace id id\\u001b[0m").doesNotContain("\u001b", "\n", "\r", "\u2028");
            assertThat(ansi.rawBody()).contains("\\u001b");

            BadRequestException longMessage = catchThrowableOfType(BadRequestException.class, () -> plugins.get("long"));
            assertThat(longMessage.getMessage()).hasSizeLessThan(1000).contains("... (100000 chars)");

            ServerException html = catchThrowableOfType(ServerException.class, () -> plugins.get("html"));
            assertThat(html.getMessage()).contains("\\u001b]0;owned\\u0007Bad gateway").doesNotContain("\u001b");
        }
    }

    @Test
    void serverTextInLogsIsEscaped() {
        CapturingLogs.clear();
        // Jackson reads the first JSON value and ignores what follows: here a newline and an ANSI escape.
        konnect.stubFor(get(urlEqualTo(PATH + "/p")).willReturn(okJson("{\"name\":\"p\",\"handler\":\"h\","
                + "\"schema\":\"s\"}\n\u001b[31mforged line")));

        try (Konnect sdk = TestClients.client(konnect.getPort())) {
            sdk.controlPlane(TestClients.CP).customPlugins().get("p");
        }

        assertThat(CapturingLogs.events()).filteredOn(e -> e.level() == Level.TRACE)
                .anySatisfy(e -> assertThat(e.message()).contains("response body: {\"name\":\"p\""))
                .allSatisfy(e -> assertThat(e.message()).doesNotContain("\u001b", "\n"));
    }

    private static HttpServer server(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static URI baseUrl(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A user's client that says it never follows redirects, but does: the worst case the SDK can be handed. */
    private static final class DisguisedFollowingClient extends DelegatingHttpClient {
        DisguisedFollowingClient() {
            super(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build());
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }
    }
}
