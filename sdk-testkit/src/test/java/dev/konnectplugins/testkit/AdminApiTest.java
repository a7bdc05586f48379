package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The /__admin/fake-konnect routes that give tools in other languages the Java API's controls. */
@ExtendWith(FakeKonnectExtension.class)
class AdminApiTest {

    private final FakeKonnect fake;
    private final KonnectHttp http;
    private final KonnectHttp admin;
    private final String path;

    /** One fake per class, reset before each test by the extension. */
    AdminApiTest(FakeKonnect fake) {
        this.fake = fake;
        this.http = KonnectHttp.of(fake);
        this.admin = http.withToken(null);
        this.path = plugins(fake.controlPlaneId());
    }

    @Test
    void stateShowsControlPlanesPluginsAndSchemas() {
        http.post(path, pluginBody("hello"));

        JsonNode state = json(admin.get("/__admin/fake-konnect/state"));

        JsonNode plane = state.get("control_planes").get(0);
        assertThat(plane.get("id").asText()).isEqualTo(fake.controlPlaneId());
        assertThat(plane.get("custom_plugins").get(0).get("name").asText()).isEqualTo("hello");
        assertThat(plane.get("plugin_schemas")).isEmpty();
    }

    @Test
    void resetEmptiesTheFake() {
        http.post(path, pluginBody("hello"));

        assertThat(admin.post("/__admin/fake-konnect/reset", "").statusCode()).isEqualTo(204);

        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void wireMocksOwnResetKeepsTheFakeAnswering() {
        assertThat(admin.post("/__admin/reset", "").statusCode()).isEqualTo(200);

        assertThat(http.get(path).statusCode()).isEqualTo(200);
        assertThat(fake.wireMock().getStubMappings()).hasSize(1);
    }

    @Test
    void queuesFaults() {
        HttpResponse<String> queued = admin.post("/__admin/fake-konnect/faults",
                "{\"type\":\"rate-limit\",\"times\":1,\"retry_after_seconds\":4}");
        admin.post("/__admin/fake-konnect/faults", "{\"type\":\"fail\",\"status\":504}");

        assertThat(queued.statusCode()).isEqualTo(204);
        HttpResponse<String> limited = http.get(path);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("4");
        assertThat(http.get(path).statusCode()).isEqualTo(504);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAnUnknownFaultAndClearsFaults() {
        assertThat(admin.post("/__admin/fake-konnect/faults", "{\"type\":\"meteor\"}").statusCode()).isEqualTo(400);
        admin.post("/__admin/fake-konnect/faults", "{\"type\":\"fail\",\"times\":3}");

        assertThat(admin.delete("/__admin/fake-konnect/faults").statusCode()).isEqualTo(204);
        assertThat(fake.faults().pending()).isZero();
    }

    @Test
    void addsControlPlanesAndMarksPluginsInUse() {
        JsonNode added = json(admin.post("/__admin/fake-konnect/control-planes", "{\"name\":\"staging\"}"));
        String staging = added.get("id").asText();
        http.post(plugins(staging), pluginBody("hello"));

        HttpResponse<String> marked = admin.put("/__admin/fake-konnect/control-planes/" + staging + "/in-use/hello", "");

        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(http.delete(plugins(staging) + "/hello").statusCode()).isEqualTo(400);
        admin.delete("/__admin/fake-konnect/control-planes/" + staging + "/in-use/hello");
        assertThat(http.delete(plugins(staging) + "/hello").statusCode()).isEqualTo(204);
        assertThat(admin.post("/__admin/fake-konnect/control-planes", "{\"name\":\"staging\"}").statusCode())
                .isEqualTo(409);
    }
}
