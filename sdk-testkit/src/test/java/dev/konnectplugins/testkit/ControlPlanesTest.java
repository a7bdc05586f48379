package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlPlanesTest {

    private static FakeKonnect fake;
    private static KonnectHttp http;
    private static String second;

    @BeforeAll
    static void start() {
        fake = FakeKonnect.builder().controlPlaneName("prod").start();
        http = KonnectHttp.of(fake);
        second = fake.addControlPlane("staging");
        fake.addControlPlane("dev");
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void findsAControlPlaneByExactNameWithEncodedBrackets() {
        JsonNode page = json(http.get("/v2/control-planes?filter%5Bname%5D%5Beq%5D=staging"));

        assertThat(page.get("data")).hasSize(1);
        assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(second);
        assertThat(page.get("meta").get("page").get("total").asInt()).isEqualTo(1);
        assertThat(page.get("meta").get("page").get("number").asInt()).isEqualTo(1);
    }

    @Test
    void findsAControlPlaneByExactNameWithRawBrackets() throws IOException {
        String response = rawGet("/v2/control-planes?filter[name][eq]=prod");

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).contains(fake.controlPlaneId());
    }

    @Test
    void anUnknownNameGivesAnEmptyPage() {
        JsonNode page = json(http.get("/v2/control-planes?filter%5Bname%5D%5Beq%5D=nope"));

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("meta").get("page").get("total").asInt()).isZero();
    }

    @Test
    void listsPageByNumber() {
        JsonNode first = json(http.get("/v2/control-planes?page%5Bsize%5D=2"));
        JsonNode secondPage = json(http.get("/v2/control-planes?page%5Bsize%5D=2&page%5Bnumber%5D=2"));

        assertThat(first.get("data")).extracting(plane -> plane.get("name").asText()).containsExactly("prod", "staging");
        assertThat(secondPage.get("data")).extracting(plane -> plane.get("name").asText()).containsExactly("dev");
        assertThat(secondPage.get("meta").get("page").get("size").asInt()).isEqualTo(2);
        assertThat(secondPage.get("meta").get("page").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void aControlPlaneHasEveryRequiredField() {
        HttpResponse<String> response = http.get("/v2/control-planes/" + fake.controlPlaneId());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode plane = json(response);
        assertThat(plane.get("name").asText()).isEqualTo("prod");
        assertThat(plane.get("description").isTextual()).isTrue();
        assertThat(plane.get("labels").isObject()).isTrue();
        assertThat(OffsetDateTime.parse(plane.get("created_at").asText())).isNotNull();
        assertThat(OffsetDateTime.parse(plane.get("updated_at").asText())).isNotNull();
        JsonNode config = plane.get("config");
        assertThat(config.get("control_plane_endpoint").asText()).startsWith("https://");
        assertThat(config.get("telemetry_endpoint").asText()).startsWith("https://");
        assertThat(config.get("cluster_type").asText()).isEqualTo("CLUSTER_TYPE_CONTROL_PLANE");
        assertThat(config.get("auth_type").asText()).isEqualTo("pinned_client_certs");
        assertThat(config.get("cloud_gateway").asBoolean()).isTrue();
        assertThat(config.get("proxy_urls").isArray()).isTrue();
    }

    @Test
    void anUnknownControlPlaneIsAProblemDocument() {
        HttpResponse<String> response = http.get("/v2/control-planes/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("type").asText()).isEqualTo("https://httpstatuses.com/404");
        assertThat(problem.get("instance").asText()).matches("konnect:trace:\\d+");
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void anUnknownControlPlaneIs404OnEveryPerControlPlanePath() {
        String unknown = "/v2/control-planes/" + UUID.randomUUID() + "/core-entities/";

        assertThat(http.get(unknown + "custom-plugins").statusCode()).isEqualTo(404);
        assertThat(http.post(unknown + "custom-plugins", KonnectHttp.pluginBody("x-y")).statusCode()).isEqualTo(404);
        assertThat(http.delete(unknown + "custom-plugins/x-y").statusCode()).isEqualTo(404);
        HttpResponse<String> schemas = http.get(unknown + "plugin-schemas");
        assertThat(schemas.statusCode()).isEqualTo(404);
        assertThat(schemas.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void badPageSizeIsAProblemWithInvalidParameters() {
        HttpResponse<String> response = http.get("/v2/control-planes?page%5Bsize%5D=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("invalid_parameters").get(0).get("field").asText()).isEqualTo("page[size]");
    }

    private static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(fake.baseUrl().getHost(), fake.port())) {
            OutputStream out = socket.getOutputStream();
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + fake.token()
                    + "\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
