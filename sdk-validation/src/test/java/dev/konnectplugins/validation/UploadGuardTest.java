package dev.konnectplugins.validation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With sdk-validation on the class path, the client refuses invalid plugins before sending anything. */
class UploadGuardTest {
    private static final String CONTROL_PLANE = "0b5e3b8a-4e2f-4c1e-9d55-7c0a3c1b2d3e";
    private static final String PATH = "/v2/control-planes/" + CONTROL_PLANE + "/core-entities/custom-plugins";

    private WireMockServer server;
    private Konnect konnect;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"name\":\"my-plugin\","
                        + "\"handler\":\"h\",\"schema\":\"s\",\"created_at\":1,\"updated_at\":1}")));
        konnect = client(true);
    }

    @AfterEach
    void stop() {
        konnect.close();
        server.stop();
    }

    private Konnect client(boolean validate) {
        return Konnect.builder().baseUrl(URI.create("http://localhost:" + server.port())).token("kpat_x")
                .validateBeforeUpload(validate).build();
    }

    @Test
    void invalidPluginIsRefusedWithoutARequest() {
        PluginSource invalid = PluginSource.of("my-plugin",
                Plugins.GOOD_HANDLER.replace("kong.service.request.set_header(\"X-Hello\", conf.greeting)",
                        "ngx.timer.at(0, print)"), Plugins.GOOD_SCHEMA);
        assertThatThrownBy(() -> konnect.controlPlane(CONTROL_PLANE).customPlugins().create(invalid))
                .isInstanceOfSatisfying(PluginValidationException.class, e -> {
                    assertThat(e.pluginName()).isEqualTo("my-plugin");
                    assertThat(e.errors()).extracting(d -> d.rule()).containsExactly(Rules.SANDBOX_TIMER);
                });
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void validPluginIsSent() {
        PluginSource valid = PluginSource.of("my-plugin", Plugins.GOOD_HANDLER, Plugins.GOOD_SCHEMA);
        assertThat(konnect.controlPlane(CONTROL_PLANE).customPlugins().create(valid).getName()).isEqualTo("my-plugin");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void validationCanBeTurnedOff() {
        PluginSource invalid = PluginSource.of("rate-limiting", Plugins.GOOD_HANDLER, Plugins.GOOD_SCHEMA);
        try (Konnect unguarded = client(false)) {
            unguarded.controlPlane(CONTROL_PLANE).customPlugins().create(invalid);
        }
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }
}
