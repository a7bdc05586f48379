package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error shape Konnect uses, and a proxy's HTML, land in the right exception with nothing lost. */
@WireMockTest
class ErrorMappingTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final PluginSource SOURCE = PluginSource.of("stream-headers", "return {}", "return {}");

    private Konnect konnect;
    private CustomPlugins plugins;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        konnect = TestClients.builder(wm.getHttpPort(), new dev.konnectplugins.testsupport.RecordingDelayer())
                .retryPolicy(RetryPolicy.none()).build();
        plugins = konnect.controlPlane(TestClients.CP).customPlugins();
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void problemJsonBecomesBadRequestWithEachInvalidParameter() {
        String body = "{\"status\":400,\"title\":\"Bad Request\",\"instance\":\"konnect:trace:4242\","
                + "\"detail\":\"Invalid request format\",\"invalid_parameters\":[{\"field\":\"name\",\"rule\":"
                + "\"matches_regex\",\"reason\":\"must match ^[a-z]\"},{\"field\":\"tags[0]\",\"reason\":"
                + "\"length must be <= 128\"}]}";
        stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(body)));

        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> plugins.create(SOURCE));

        assertThat(e).isExactlyInstanceOf(BadRequestException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.konnectMessage()).isEqualTo("Invalid request format");
        assertThat(e.traceId()).hasValue("konnect:trace:4242");
        assertThat(e.rawBody()).isEqualTo(body);
        assertThat(e.invalidParameters()).containsExactly(new InvalidParameter("name", "must match ^[a-z]"),
                new InvalidParameter("tags[0]", "length must be <= 128"));
        assertThat(e.getMessage()).contains("POST " + PATH, "HTTP 400", "Invalid request format",
                "name: must match ^[a-z]", "tags[0]: length must be <= 128", "konnect:trace:4242");
    }

    @Test
    void coreEntityValidationErrorListsFieldMessages() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":3,\"message\":"
                + "\"validation error\",\"details\":[{\"@type\":\"type.googleapis.com/kong.admin.model.v1.ErrorDetail\","
                + "\"type\":\"ERROR_TYPE_FIELD\",\"field\":\"name\",\"messages\":[\"name must be equal to schema.name\"]}]}")));

        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> plugins.create(SOURCE));

        assertThat(e).isExactlyInstanceOf(BadRequestException.class);
        assertThat(e.invalidParameters()).containsExactly(
                new InvalidParameter("name", "name must be equal to schema.name"));
        assertThat(e.getMessage()).contains("validation error", "name: name must be equal to schema.name");
    }

    @Test
    void uniqueConstraintFailureOn400IsAConflict() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":3,\"message\":"
                + "\"data constraint error\",\"details\":[{\"type\":\"ERROR_TYPE_REFERENCE\",\"field\":\"name\","
                + "\"messages\":[\"name (type: unique) constraint failed\"]}]}")));

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> plugins.create(SOURCE));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.konnectMessage()).isEqualTo("data constraint error");
    }

    @Test
    void uniqueMentionedOutsideKonnectsWordsIsNotAConflict() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"message\":\"validation error\","
                + "\"hint\":\"names have a unique constraint and this one already exists\"}")));

        assertThat(catchThrowableOfType(BadRequestException.class, () -> plugins.create(SOURCE)))
                .isExactlyInstanceOf(BadRequestException.class);
    }

    @Test
    void redirectIsAnErrorBecauseRedirectsAreNotFollowed() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(301).withHeader("Location", "http://elsewhere/")));

        KonnectApiException e = catchThrowableOfType(KonnectApiException.class, () -> plugins.get("x"));

        assertThat(e.statusCode()).isEqualTo(301);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void malformedInvalidParameterItemsAreSkipped() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"bad\","
                + "\"invalid_parameters\":[\"name\",5,null,{\"field\":\"name\",\"reason\":\"too long\"}]}")));

        assertThat(catchThrowableOfType(BadRequestException.class, () -> plugins.create(SOURCE)).invalidParameters())
                .containsExactly(new InvalidParameter("name", "too long"));
    }

    @Test
    void http409IsAConflict() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(409).withBody("{\"message\":\"Conflict\"}")));

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> plugins.create(SOURCE));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.konnectMessage()).isEqualTo("Conflict");
    }

    @Test
    void referencedByOthersIsPluginInUse() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"code\":19,\"name\":"
                + "\"referenced by others\",\"message\":\"custom plugin \\\"x\\\" is still referenced by plugins\"}")));

        PluginInUseException e = catchThrowableOfType(PluginInUseException.class, () -> plugins.create(SOURCE));

        assertThat(e.konnectMessage()).contains("still referenced");
        assertThat(e.instanceIds()).isEmpty();
    }

    @Test
    void pluginInUseNamesTheInstanceKongNamed() {
        stubFor(put(PATH + "/x").willReturn(aResponse().withStatus(400).withBody("{\"code\":19,\"name\":"
                + "\"referenced by others\",\"message\":\"custom plugin \\\"x\\\" is still referenced by plugins "
                + "(id = \\\"5f0c7a52-0f1e-4b5e-9d7a-3f2d1c0b9a87\\\")\"}")));

        PluginInUseException e = catchThrowableOfType(PluginInUseException.class,
                () -> plugins.upsert(SOURCE.withName("x")));

        assertThat(e.instanceIds()).containsExactly("5f0c7a52-0f1e-4b5e-9d7a-3f2d1c0b9a87");
    }

    @Test
    void pluginSchemaInUseMessageIsPluginInUse() {
        stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"plugin schema is currently in use\"}")));

        assertThat(catchThrowableOfType(PluginInUseException.class, () -> plugins.create(SOURCE))).isNotNull();
    }

    @Test
    void gatewayStyle401IsUnauthorized() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Unauthorized\",\"status\":401}")));

        UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> plugins.get("x"));

        assertThat(e.konnectMessage()).isEqualTo("Unauthorized");
        assertThat(e.getMessage()).doesNotContain(TestClients.TOKEN);
    }

    @Test
    void legacyMessage403IsForbidden() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));

        assertThat(catchThrowableOfType(ForbiddenException.class, () -> plugins.get("x")).konnectMessage())
                .isEqualTo("Forbidden");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "77")
                .withBody("{\"message\":\"API rate limit exceeded\"}")));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> plugins.get("x"));

        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(77));
        assertThat(e.konnectMessage()).isEqualTo("API rate limit exceeded");
    }

    @Test
    void htmlFromAProxyBecomesServerErrorWithItsTitle() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>nginx</center></body></html>";
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(html)));

        ServerException e = catchThrowableOfType(ServerException.class, () -> plugins.get("x"));

        assertThat(e.konnectMessage()).isEqualTo("502 Bad Gateway");
        assertThat(e.rawBody()).isEqualTo(html);
        assertThat(e.getMessage()).contains("GET " + PATH + "/x", "HTTP 502", "502 Bad Gateway");
    }

    @Test
    void emptyErrorBodyStillSaysWhatFailed() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(500)));

        ServerException e = catchThrowableOfType(ServerException.class, () -> plugins.get("x"));

        assertThat(e.getMessage()).isEqualTo("GET " + PATH + "/x failed: HTTP 500");
        assertThat(e.rawBody()).isEmpty();
    }

    @Test
    void traceIdFallsBackToKongRequestIdHeader() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(500).withHeader("X-Kong-Request-Id", "abc123")
                .withBody("{\"message\":\"boom\"}")));

        assertThat(catchThrowableOfType(ServerException.class, () -> plugins.get("x")).traceId()).hasValue("abc123");
    }

    @Test
    void otherStatusesAreThePlainApiException() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(418).withBody("[1,2]")));

        KonnectApiException e = catchThrowableOfType(KonnectApiException.class, () -> plugins.get("x"));

        assertThat(e).isExactlyInstanceOf(KonnectApiException.class);
        assertThat(e.statusCode()).isEqualTo(418);
        assertThat(e.rawBody()).isEqualTo("[1,2]");
    }

    @Test
    void invalidJsonInA200IsAnApiExceptionNotAJacksonOne() {
        stubFor(get(PATH + "/x").willReturn(okJson("{\"name\": \"trunc")));

        KonnectApiException e = catchThrowableOfType(KonnectApiException.class, () -> plugins.get("x"));

        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).contains("not the expected CustomPlugin JSON");
        assertThat(e.rawBody()).isEqualTo("{\"name\": \"trunc");
    }

    @Test
    void htmlInA200IsAnApiException() {
        stubFor(get(PATH + "/x").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        assertThat(catchThrowableOfType(KonnectApiException.class, () -> plugins.get("x")).rawBody())
                .isEqualTo("<html>login</html>");
    }

    @Test
    void messagesSayWhatFailedFirstAndShowTheRequestDecodedWithoutItsQuery() {
        ErrorDetails details = new ErrorDetails("GET", "/v2/control-planes/a%20b?page%5Bsize%5D=100", 404,
                "No such thing", "t-1", List.of(), "");
        assertThat(details.describe()).isEqualTo("No such thing (GET /v2/control-planes/a b: HTTP 404) (trace id t-1)");
    }
}
