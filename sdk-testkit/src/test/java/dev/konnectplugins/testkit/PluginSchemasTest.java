package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.quote;
import static dev.konnectplugins.testkit.KonnectHttp.schema;
import static dev.konnectplugins.testkit.KonnectHttp.schemas;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeKonnectExtension.class)
class PluginSchemasTest {

    private final FakeKonnect fake;
    private final KonnectHttp http;
    private final String path;

    /** One fake per class, reset before each test by the extension. */
    PluginSchemasTest(FakeKonnect fake) {
        this.fake = fake;
        this.http = KonnectHttp.of(fake);
        this.path = schemas(fake.controlPlaneId());
    }

    private static String body(String name) {
        return "{\"lua_schema\":" + quote(schema(name)) + "}";
    }

    @Test
    void createAnswers201WithAnItemNamedFromTheSchema() {
        HttpResponse<String> created = http.post(path, body("my-plugin"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode item = json(created).get("item");
        assertThat(item.get("name").asText()).isEqualTo("my-plugin");
        assertThat(item.get("lua_schema").asText()).isEqualTo(schema("my-plugin"));
        assertThat(item.get("created_at").isIntegralNumber()).isTrue();
        assertThat(item.get("updated_at").isIntegralNumber()).isTrue();
        assertThat(fake.pluginSchemas(fake.controlPlaneId())).extracting(StoredPluginSchema::name)
                .containsExactly("my-plugin");
    }

    @Test
    void duplicateIs409Conflict() {
        http.post(path, body("my-plugin"));

        HttpResponse<String> duplicate = http.post(path, body("my-plugin"));

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).isEqualTo("{\"message\":\"Conflict\"}");
    }

    @Test
    void missingLuaSchemaIs400WithAMessage() {
        HttpResponse<String> response = http.post(path, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("lua_schema");
        assertThat(json(response).size()).isEqualTo(1);
    }

    @Test
    void aSchemaWithoutANameIs400() {
        HttpResponse<String> response = http.post(path, "{\"lua_schema\":\"return { fields = {} }\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("name");
    }

    @Test
    void getByName() {
        http.post(path, body("my-plugin"));

        HttpResponse<String> found = http.get(path + "/my-plugin");
        HttpResponse<String> absent = http.get(path + "/nope");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json(found).get("item").get("name").asText()).isEqualTo("my-plugin");
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(absent.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void listHasItemsAndTotalCount() {
        http.post(path, body("a-plugin"));
        http.post(path, body("b-plugin"));
        http.post(path, body("c-plugin"));

        JsonNode firstTwo = json(http.get(path + "?page%5Bsize%5D=2"));
        JsonNode afterB = json(http.get(path + "?page%5Bsize%5D=2&page%5Bafter%5D=b-plugin"));

        assertThat(firstTwo.get("items")).extracting(item -> item.get("name").asText())
                .containsExactly("a-plugin", "b-plugin");
        assertThat(firstTwo.get("page").get("total_count").asInt()).isEqualTo(3);
        assertThat(afterB.get("items")).extracting(item -> item.get("name").asText()).containsExactly("c-plugin");
    }

    @Test
    void badPageSizeIsAProblemDocument() {
        HttpResponse<String> response = http.get(path + "?page%5Bsize%5D=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("invalid_parameters").get(0).get("field").asText()).isEqualTo("page[size]");
    }

    @Test
    void putUpsertsAnswering200() {
        HttpResponse<String> created = http.put(path + "/my-plugin", body("my-plugin"));
        long createdAt = json(created).get("item").get("created_at").asLong();
        String changed = "{\"lua_schema\":" + quote(schema("my-plugin") + "-- v2\n") + "}";

        HttpResponse<String> updated = http.put(path + "/my-plugin", changed);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("item").get("lua_schema").asText()).endsWith("-- v2\n");
        assertThat(json(updated).get("item").get("created_at").asLong()).isEqualTo(createdAt);
        assertThat(fake.pluginSchemas(fake.controlPlaneId())).hasSize(1);
    }

    @Test
    void putWithAnotherNameInTheSchemaIs400() {
        HttpResponse<String> response = http.put(path + "/my-plugin", body("other"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).has("message")).isTrue();
    }

    @Test
    void deleteIs204AndAbsentIs404() {
        http.post(path, body("my-plugin"));

        assertThat(http.delete(path + "/my-plugin").statusCode()).isEqualTo(204);
        HttpResponse<String> again = http.delete(path + "/my-plugin");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void deleteOfASchemaInUseIs400Code19() {
        http.post(path, body("my-plugin"));
        fake.markInUse(fake.controlPlaneId(), "my-plugin");

        HttpResponse<String> response = http.delete(path + "/my-plugin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asInt()).isEqualTo(19);
        assertThat(json(response).get("message").asText()).isEqualTo("plugin schema is currently in use");
    }
}
