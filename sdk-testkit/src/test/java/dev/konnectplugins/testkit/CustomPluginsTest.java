package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static dev.konnectplugins.testkit.KonnectHttp.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomPluginsTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(T0);
    private static FakeKonnect fake;
    private static KonnectHttp http;
    private static String path;

    @BeforeAll
    static void start() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        fake = FakeKonnect.builder().clock(clock).start();
        http = KonnectHttp.of(fake);
        path = plugins(fake.controlPlaneId());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
        NOW.set(T0);
    }

    @Test
    void createAnswers201WithIdTimestampsAndTags() {
        HttpResponse<String> created = http.post(path, pluginBody("hello", "team-a", "v1"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = json(created);
        assertThat(UUID.fromString(body.get("id").asText())).isNotNull();
        assertThat(body.get("name").asText()).isEqualTo("hello");
        assertThat(body.get("handler").asText()).isEqualTo(KonnectHttp.handler());
        assertThat(body.get("schema").asText()).isEqualTo(KonnectHttp.schema("hello"));
        assertThat(body.get("tags")).hasSize(2);
        assertThat(body.get("created_at").asLong()).isEqualTo(T0.getEpochSecond());
        assertThat(body.get("updated_at").asLong()).isEqualTo(T0.getEpochSecond());
        assertThat(fake.customPlugins(fake.controlPlaneId())).singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(body.get("id").asText()));
    }

    @Test
    void createWithoutTagsOmitsThem() {
        JsonNode body = json(http.post(path, pluginBody("hello")));

        assertThat(body.has("tags")).isFalse();
    }

    @Test
    void createKeepsAClientChosenId() {
        String id = UUID.randomUUID().toString();
        String body = pluginBody("hello").replaceFirst("\\{", "{\"id\":\"" + id + "\",");

        assertThat(json(http.post(path, body)).get("id").asText()).isEqualTo(id);
    }

    @Test
    void getByIdAndByName() {
        String id = json(http.post(path, pluginBody("hello"))).get("id").asText();

        HttpResponse<String> byId = http.get(path + "/" + id);
        HttpResponse<String> byName = http.get(path + "/hello");

        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(json(byId)).isEqualTo(json(byName));
    }

    @Test
    void getOfAnAbsentPluginIs404WithCoreEntityBody() {
        HttpResponse<String> byName = http.get(path + "/nothing-here");
        HttpResponse<String> byId = http.get(path + "/" + UUID.randomUUID());

        assertThat(byName.statusCode()).isEqualTo(404);
        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(json(byName).get("code").asInt()).isEqualTo(5);
        assertThat(json(byName).get("message").asText()).isEqualTo("not found");
    }

    @Test
    void putByNameUpdatesKeepingIdAndCreatedAt() {
        JsonNode created = json(http.post(path, pluginBody("hello", "old")));
        NOW.set(T0.plus(Duration.ofMinutes(5)));

        HttpResponse<String> updated = http.put(path + "/hello", pluginBody("hello", "new"));

        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode body = json(updated);
        assertThat(body.get("id")).isEqualTo(created.get("id"));
        assertThat(body.get("created_at")).isEqualTo(created.get("created_at"));
        assertThat(body.get("updated_at").asLong()).isEqualTo(T0.getEpochSecond() + 300);
        assertThat(body.get("tags").get(0).asText()).isEqualTo("new");
        assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(1);
    }

    @Test
    void putByIdUpdatesAndMayRename() {
        String id = json(http.post(path, pluginBody("hello"))).get("id").asText();

        HttpResponse<String> renamed = http.put(path + "/" + id, pluginBody("hello-two"));

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json(renamed).get("id").asText()).isEqualTo(id);
        assertThat(http.get(path + "/hello").statusCode()).isEqualTo(404);
        assertThat(http.get(path + "/hello-two").statusCode()).isEqualTo(200);
    }

    @Test
    void putCreatesWhenAbsentAnswering200() {
        HttpResponse<String> byName = http.put(path + "/hello", pluginBody("hello"));
        String id = UUID.randomUUID().toString();
        HttpResponse<String> byId = http.put(path + "/" + id, pluginBody("other"));

        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json(byId).get("id").asText()).isEqualTo(id);
        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name)
                .containsExactly("hello", "other");
    }

    @Test
    void putByNameMayLeaveTheNameOutOfTheBody() {
        String body = "{\"handler\":" + quote(KonnectHttp.handler()) + ",\"schema\":"
                + quote(KonnectHttp.schema("hello")) + "}";

        HttpResponse<String> response = http.put(path + "/hello", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("name").asText()).isEqualTo("hello");
    }

    @Test
    void putWithABodyNameOtherThanThePathIs400() {
        HttpResponse<String> response = http.put(path + "/hello", pluginBody("other"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void putTakingAnotherPluginsNameIsAUniqueViolation() {
        json(http.post(path, pluginBody("hello")));
        String id = json(http.post(path, pluginBody("other"))).get("id").asText();

        HttpResponse<String> response = http.put(path + "/" + id, pluginBody("hello"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("data constraint error");
    }

    @Test
    void deleteByNameOrIdAnswers204EvenWhenAbsent() {
        String id = json(http.post(path, pluginBody("hello"))).get("id").asText();
        http.post(path, pluginBody("other"));

        assertThat(http.delete(path + "/" + id).statusCode()).isEqualTo(204);
        assertThat(http.delete(path + "/other").statusCode()).isEqualTo(204);
        assertThat(http.delete(path + "/other").statusCode()).isEqualTo(204);
        assertThat(http.delete(path + "/" + UUID.randomUUID()).statusCode()).isEqualTo(204);
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void deleteAnswerHasNoBody() {
        HttpResponse<String> response = http.delete(path + "/hello");

        assertThat(response.body()).isEmpty();
    }

    @Test
    void duplicateNameIsKonnectsUniqueConstraintBody() {
        http.post(path, pluginBody("hello"));

        HttpResponse<String> duplicate = http.post(path, pluginBody("hello"));

        assertThat(duplicate.statusCode()).isEqualTo(400);
        JsonNode body = json(duplicate);
        assertThat(body.get("code").asInt()).isEqualTo(3);
        assertThat(body.get("message").asText()).isEqualTo("data constraint error");
        JsonNode detail = body.get("details").get(0);
        assertThat(detail.get("@type").asText()).isEqualTo("type.googleapis.com/kong.admin.model.v1.ErrorDetail");
        assertThat(detail.get("type").asText()).isEqualTo("ERROR_TYPE_REFERENCE");
        assertThat(detail.get("field").asText()).isEqualTo("name");
        assertThat(detail.get("messages").get(0).asText()).isEqualTo("name (type: unique) constraint failed");
    }

    @Test
    void duplicateNameCanBeA409() {
        try (FakeKonnect conflicting = FakeKonnect.builder().duplicateNameStatus(409).start()) {
            KonnectHttp client = KonnectHttp.of(conflicting);
            String conflictingPath = plugins(conflicting.controlPlaneId());
            client.post(conflictingPath, pluginBody("hello"));

            HttpResponse<String> duplicate = client.post(conflictingPath, pluginBody("hello"));

            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(json(duplicate).get("message").asText()).isEqualTo("data constraint error");
        }
    }

    @Test
    void missingFieldsAreAValidationError() {
        HttpResponse<String> response = http.post(path, "{\"name\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("code").asInt()).isEqualTo(3);
        assertThat(body.get("message").asText()).isEqualTo("validation error");
        assertThat(body.get("details")).extracting(detail -> detail.get("field").asText())
                .containsExactly("handler", "schema");
        assertThat(body.get("details").get(0).get("type").asText()).isEqualTo("ERROR_TYPE_FIELD");
        assertThat(body.get("details").get(0).get("messages").get(0).asText()).isEqualTo("required field missing");
    }

    @Test
    void unknownFieldIsAValidationError() {
        String body = pluginBody("hello").replaceFirst("\\{", "{\"config\":{},");

        HttpResponse<String> response = http.post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode detail = json(response).get("details").get(0);
        assertThat(detail.get("field").asText()).isEqualTo("config");
        assertThat(detail.get("messages").get(0).asText()).isEqualTo("unknown field");
    }

    @Test
    void nameMustMatchThePattern() {
        HttpResponse<String> response = http.post(path, pluginBody("Hello_World"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void nameMustEqualTheSchemasName() {
        String body = "{\"name\":\"hello\",\"handler\":" + quote(KonnectHttp.handler()) + ",\"schema\":"
                + quote(KonnectHttp.schema("goodbye")) + "}";

        HttpResponse<String> response = http.post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode detail = json(response).get("details").get(0);
        assertThat(detail.get("field").asText()).isEqualTo("name");
        assertThat(detail.get("messages").get(0).asText()).isEqualTo("name must be equal to schema.name");
    }

    @Test
    void nameMayComeFromALocalConstantInTheSchema() {
        String schema = "local PLUGIN_NAME = \"hello\"\nlocal schema = {\n  name = PLUGIN_NAME,\n  fields = {},\n}\n"
                + "return schema\n";
        String body = "{\"name\":\"hello\",\"handler\":" + quote(KonnectHttp.handler()) + ",\"schema\":"
                + quote(schema) + "}";

        assertThat(http.post(path, body).statusCode()).isEqualTo(201);
        assertThat(http.post(path, body.replace("\"name\":\"hello\"", "\"name\":\"bye\"")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void tooLargeFilesAreRejected() {
        String handler = "-- " + "x".repeat(100 * 1024) + "\nreturn {}";
        String body = "{\"name\":\"hello\",\"handler\":" + quote(handler) + ",\"schema\":"
                + quote(KonnectHttp.schema("hello")) + "}";

        HttpResponse<String> response = http.post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("handler");
    }

    @Test
    void badTagsAreRejected() {
        HttpResponse<String> response = http.post(path, pluginBody("hello", "a/b"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("details").get(0).get("field").asText()).isEqualTo("tags[0]");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> notJson = http.post(path, "{\"name\":");
        HttpResponse<String> notAnObject = http.put(path + "/hello", "[1,2]");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("code").asInt()).isEqualTo(3);
        assertThat(json(notJson).get("message").asText()).startsWith("invalid request body");
    }

    @Test
    void pluginsInUseRefuseUpdateAndDelete() {
        http.post(path, pluginBody("hello"));
        String instanceId = fake.markInUse(fake.controlPlaneId(), "hello");

        HttpResponse<String> put = http.put(path + "/hello", pluginBody("hello"));
        HttpResponse<String> delete = http.delete(path + "/hello");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(delete.statusCode()).isEqualTo(400);
        JsonNode body = json(delete);
        assertThat(body.get("code").asInt()).isEqualTo(19);
        assertThat(body.get("name").asText()).isEqualTo("referenced by others");
        assertThat(body.get("message").asText())
                .isEqualTo("custom plugin \"hello\" is still referenced by plugins (id = \"" + instanceId + "\")");

        fake.markNotInUse(fake.controlPlaneId(), "hello");
        assertThat(http.delete(path + "/hello").statusCode()).isEqualTo(204);
    }

    @Test
    void pluginInstancesAreListedByNameAndRefusePutPatchAndDeleteUntilRemoved() {
        http.post(path, pluginBody("hello"));
        String first = fake.addPluginInstance(fake.controlPlaneId(), "hello");
        String second = fake.addPluginInstance(fake.controlPlaneId(), "hello");
        fake.addPluginInstance(fake.controlPlaneId(), "rate-limiting");
        String instances = "/v2/control-planes/" + fake.controlPlaneId() + "/core-entities/plugins";

        JsonNode page1 = json(http.get(instances + "?size=1&filter%5Bname%5D%5Beq%5D=hello"));
        JsonNode page2 = json(http.get(instances + "?size=1&filter[name][eq]=hello&offset="
                + page1.get("offset").asText()));
        assertThat(page1.get("data").get(0).get("id").asText()).isEqualTo(first);
        assertThat(page2.get("data").get(0).get("id").asText()).isEqualTo(second);
        assertThat(page2.get("data").get(0).get("name").asText()).isEqualTo("hello");
        assertThat(page2.has("offset")).isFalse();
        assertThat(json(http.get(instances)).get("data")).hasSize(3);

        String refusal = "custom plugin \"hello\" is still referenced by plugins (id = \"" + first + "\")";
        HttpResponse<String> patch = http.send(java.net.http.HttpRequest.newBuilder()
                .uri(java.net.URI.create(fake.baseUrl() + path + "/hello"))
                .header("Authorization", "Bearer " + fake.token())
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"tags\":[\"x\"]}")));
        for (HttpResponse<String> refused : java.util.List.of(http.put(path + "/hello", pluginBody("hello")), patch,
                http.delete(path + "/hello"))) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("code").asInt()).isEqualTo(19);
            assertThat(json(refused).get("name").asText()).isEqualTo("referenced by others");
            assertThat(json(refused).get("message").asText()).isEqualTo(refusal);
        }

        assertThat(fake.removePluginInstance(fake.controlPlaneId(), first)).isTrue();
        assertThat(fake.removePluginInstance(fake.controlPlaneId(), second)).isTrue();
        assertThat(fake.removePluginInstance(fake.controlPlaneId(), second)).isFalse();
        assertThat(http.delete(path + "/hello").statusCode()).isEqualTo(204);
    }

    @Test
    void controlPlanesAreIsolated() {
        String other = fake.addControlPlane("other");
        http.post(path, pluginBody("hello"));

        assertThat(http.get(plugins(other) + "/hello").statusCode()).isEqualTo(404);
        assertThat(http.post(plugins(other), pluginBody("hello")).statusCode()).isEqualTo(201);
        assertThat(fake.customPlugins(other)).hasSize(1);
    }
}
