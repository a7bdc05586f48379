package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.handler;
import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static dev.konnectplugins.testkit.KonnectHttp.quote;
import static dev.konnectplugins.testkit.KonnectHttp.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake answers uploads with Kong's checks of the custom_plugins entity, as Konnect does, unless told not to. */
class KongChecksTest {
    private static final String INIT_WORKER_HANDLER = "return {\n  VERSION = \"1.0.0\",\n  PRIORITY = 500,\n"
            + "  init_worker = function()\n    kong.log.err(\"init worker is not allowed\")\n  end\n}\n";
    private static final String INIT_WORKER_MESSAGE =
            "handler validation error (implementing init_worker method is not allowed)";

    @Test
    void refusesAnInitWorkerHandlerWithKongsMessageOnPostAndPut() {
        try (FakeKonnect fake = FakeKonnect.start()) {
            KonnectHttp http = KonnectHttp.of(fake);
            String path = plugins(fake.controlPlaneId());

            HttpResponse<String> posted = http.post(path, body("set-header", INIT_WORKER_HANDLER, schema("set-header")));
            HttpResponse<String> put = http.put(path + "/set-header",
                    body("set-header", INIT_WORKER_HANDLER, schema("set-header")));

            for (HttpResponse<String> response : List.of(posted, put)) {
                assertThat(response.statusCode()).isEqualTo(400);
                JsonNode answer = json(response);
                assertThat(answer.get("code").asInt()).isEqualTo(3);
                assertThat(answer.get("message").asText()).isEqualTo("validation error");
                assertThat(answer.get("details")).hasSize(1);
                JsonNode detail = answer.get("details").get(0);
                assertThat(detail.get("type").asText()).isEqualTo("ERROR_TYPE_FIELD");
                assertThat(detail.get("field").asText()).isEqualTo("handler");
                assertThat(detail.get("messages").get(0).asText()).isEqualTo(INIT_WORKER_MESSAGE);
            }
            assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
        }
    }

    @Test
    void givesEveryRefusedFieldOfOneUploadInOneAnswer() {
        try (FakeKonnect fake = FakeKonnect.start()) {
            String schemaWithoutName = "return { fields = { { config = { type = \"record\", fields = {} } } } }";
            HttpResponse<String> response = KonnectHttp.of(fake).post(plugins(fake.controlPlaneId()),
                    body("Bad_Name", "return {\n  VERSION = \"latest\",\n  PRIORITY = 1,\n}\n", schemaWithoutName));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(json(response))).containsExactly(
                    Map.entry("name", "invalid value: Bad_Name"),
                    Map.entry("schema", "schema validation error (missing name)"),
                    Map.entry("handler", "handler validation error (VERSION field does not follow the x.y.z format)"));
        }
    }

    @Test
    void refusesANameOtherThanTheSchemasAndCodeThatFailsAtTheTopLevel() {
        try (FakeKonnect fake = FakeKonnect.start()) {
            KonnectHttp http = KonnectHttp.of(fake);
            String path = plugins(fake.controlPlaneId());

            HttpResponse<String> misnamed = http.post(path, body("set-header", handler(), schema("other-name")));
            HttpResponse<String> failing = http.post(path, body("set-header", "error(\"should not work\")",
                    schema("set-header")));

            assertThat(fields(json(misnamed))).containsExactly(Map.entry("name", "name must be equal to schema.name"));
            assertThat(fields(json(failing))).containsExactly(
                    Map.entry("handler", "handler load failure ([string \"handler\"]:1: should not work)"));
        }
    }

    @Test
    void storesWhatKongRefusesWhenItsChecksAreOff() {
        try (FakeKonnect fake = FakeKonnect.builder().kongChecks(false).start()) {
            HttpResponse<String> response = KonnectHttp.of(fake).post(plugins(fake.controlPlaneId()),
                    body("set-header", INIT_WORKER_HANDLER, schema("other-name")));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(fake.customPlugin(fake.controlPlaneId(), "set-header")).isPresent();
        }
    }

    @Test
    void theStandaloneServerChecksByDefaultAndNotWithItsFlag() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FakeKonnect checking = FakeKonnectServer.start(new String[] {"--port", "0"}, out);
             FakeKonnect storing = FakeKonnectServer.start(new String[] {"--port", "0", "--no-kong-checks"}, out)) {
            String plugin = body("set-header", INIT_WORKER_HANDLER, schema("set-header"));

            assertThat(KonnectHttp.of(checking).post(plugins(checking.controlPlaneId()), plugin).statusCode())
                    .isEqualTo(400);
            assertThat(KonnectHttp.of(storing).post(plugins(storing.controlPlaneId()), plugin).statusCode())
                    .isEqualTo(201);
        }
    }

    @Nested
    @ExtendWith(FakeKonnectExtension.class)
    class WithTheJUnitExtension {
        @Test
        void kongsChecksAreOnByDefault(FakeKonnect fake) {
            HttpResponse<String> response = KonnectHttp.of(fake).post(plugins(fake.controlPlaneId()),
                    body("set-header", INIT_WORKER_HANDLER, schema("set-header")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fields(json(response))).containsExactly(Map.entry("handler", INIT_WORKER_MESSAGE));
        }
    }

    private static String body(String name, String handler, String schema) {
        return "{\"name\":" + quote(name) + ",\"handler\":" + quote(handler) + ",\"schema\":" + quote(schema) + "}";
    }

    /** Each detail's field and its one message, in the answer's order. */
    private static Map<String, String> fields(JsonNode answer) {
        Map<String, String> fields = new LinkedHashMap<>();
        answer.get("details").forEach(detail -> {
            assertThat(detail.get("messages")).hasSize(1);
            fields.put(detail.get("field").asText(), detail.get("messages").get(0).asText());
        });
        return fields;
    }
}
