package dev.konnectplugins.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client for the tests: no SDK, just HTTP, as a tool in another language would be. */
final class KonnectHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI baseUrl;
    private final String token;

    KonnectHttp(URI baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static KonnectHttp of(FakeKonnect fake) {
        return new KonnectHttp(fake.baseUrl(), fake.token());
    }

    KonnectHttp withToken(String otherToken) {
        return new KonnectHttp(baseUrl, otherToken);
    }

    static String plugins(String controlPlaneId) {
        return "/v2/control-planes/" + controlPlaneId + "/core-entities/custom-plugins";
    }

    static String schemas(String controlPlaneId) {
        return "/v2/control-planes/" + controlPlaneId + "/core-entities/plugin-schemas";
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    /** A minimal valid custom-plugin body. */
    static String pluginBody(String name, String... tags) {
        StringBuilder json = new StringBuilder("{\"name\":\"").append(name).append("\",\"handler\":")
                .append(quote(handler())).append(",\"schema\":").append(quote(schema(name)));
        if (tags.length > 0) {
            json.append(",\"tags\":[");
            for (int i = 0; i < tags.length; i++) {
                json.append(i > 0 ? "," : "").append(quote(tags[i]));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    static String handler() {
        return "local Plugin = { PRIORITY = 1000, VERSION = \"1.0.0\" }\n"
                + "function Plugin:access(conf) kong.service.request.set_header(\"x-hello\", \"1\") end\n"
                + "return Plugin\n";
    }

    static String schema(String name) {
        return "local typedefs = require \"kong.db.schema.typedefs\"\n"
                + "return {\n  name = \"" + name + "\",\n  fields = {\n    { consumer = typedefs.no_consumer },\n"
                + "    { config = { type = \"record\", fields = { { name = { type = \"string\" } } } } },\n  },\n}\n";
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
