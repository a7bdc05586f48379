package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static dev.konnectplugins.testkit.KonnectHttp.schemas;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {

    private static FakeKonnect fake;
    private static KonnectHttp http;

    @BeforeAll
    static void start() {
        fake = FakeKonnect.builder().token("spat_custom").start();
        http = KonnectHttp.of(fake);
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void theBaseUrlIsTheHostRootWithoutV2() {
        assertThat(fake.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(fake.baseUrl().getPort()).isEqualTo(fake.port());
        assertThat(fake.token()).isEqualTo("spat_custom");
        assertThat(fake.controlPlaneName()).isEqualTo("default");
    }

    @Test
    void theDefaultTokenLooksLikeAPersonalAccessToken() {
        try (FakeKonnect plain = FakeKonnect.start()) {
            assertThat(plain.token()).startsWith("kpat_fake");
        }
    }

    @Test
    void aMissingOrWrongTokenIsTheGatewayStyle401OnEveryEndpoint() {
        String cp = fake.controlPlaneId();
        List<String> paths = List.of("/v2/control-planes", "/v2/control-planes/" + cp, plugins(cp),
                plugins(cp) + "/hello", schemas(cp), schemas(cp) + "/hello");
        for (KonnectHttp client : List.of(http.withToken(null), http.withToken("kpat_wrong"))) {
            for (String path : paths) {
                HttpResponse<String> response = client.get(path);

                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\",\"status\":401}");
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            }
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        HttpResponse<String> response = http.send(http.withToken(null).request("/v2/control-planes")
                .header("Authorization", "bearer spat_custom"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unauthorizedWritesChangeNothing() {
        http.withToken("nope").post(plugins(fake.controlPlaneId()), KonnectHttp.pluginBody("hello"));

        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void anyOtherPathIs404() {
        for (String path : List.of("/", "/v1/control-planes", "/v2/portals",
                "/v2/control-planes/" + fake.controlPlaneId() + "/core-entities/services",
                "/v2/control-planes/" + fake.controlPlaneId() + "/core-entities/custom-plugins/a/b")) {
            HttpResponse<String> response = http.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("message").asText()).isEqualTo("no Route matched with those values");
        }
    }

    @Test
    void patchIsNotAllowed() {
        HttpResponse<String> response = http.send(http.request(plugins(fake.controlPlaneId()) + "/hello")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(405);
    }
}
