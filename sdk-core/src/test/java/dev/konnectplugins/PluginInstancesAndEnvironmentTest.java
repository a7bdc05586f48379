package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.model.PluginInstance;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class PluginInstancesAndEnvironmentTest {
    private static final String INSTANCES = "/v2/control-planes/" + TestClients.CP + "/core-entities/plugins";

    @Test
    void instancesOfOnePluginAreListedByExactNameAcrossPages(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(INSTANCES + "?size=1000&filter%5Bname%5D%5Beq%5D=stream-headers"))
                .willReturn(okJson("{\"data\":[{\"id\":\"i-1\",\"name\":\"stream-headers\",\"enabled\":true,"
                        + "\"config\":{\"x\":1},\"service\":{\"id\":\"s\"}}],\"next\":\"/x?offset=b2\",\"offset\":\"b2\"}")));
        stubFor(get(urlEqualTo(INSTANCES + "?size=1000&offset=b2&filter%5Bname%5D%5Beq%5D=stream-headers"))
                .willReturn(okJson("{\"data\":[{\"id\":\"i-2\",\"name\":\"stream-headers\"}],\"next\":null}")));

        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            assertThat(konnect.controlPlane(TestClients.CP).pluginInstances().listByPluginName("stream-headers")
                    .stream().map(PluginInstance::getId)).containsExactly("i-1", "i-2");
        }
        verify(2, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(INSTANCES)));
    }

    @Test
    void fromEnvironmentReadsTokenAndHostAndDefaultsToUs() {
        try (Konnect konnect = Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "kpat_x")).build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("https://us.api.konghq.com"));
        }
        try (Konnect konnect = Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "kpat_x",
                "KONNECT_REGION", "eu")).build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("https://eu.api.konghq.com"));
        }
        try (Konnect konnect = Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "kpat_x",
                "KONNECT_BASE_URL", "http://127.0.0.1:9/", "HTTPS_PROXY", "http://proxy:3128")).build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        }
    }

    @Test
    void fromEnvironmentNamesTheVariableThatIsWrong() {
        assertThatThrownBy(() -> Konnect.builder().fromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KONNECT_TOKEN");
        assertThatThrownBy(() -> Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "t",
                "KONNECT_REGION", "mars"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KONNECT_REGION: Unknown Konnect region 'mars'");
        assertThatThrownBy(() -> Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "t",
                "KONNECT_BASE_URL", "localhost:8080"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("KONNECT_BASE_URL: ");
        assertThatThrownBy(() -> Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "t",
                "KONNECT_BASE_URL", "http://x", "KONNECT_REGION", "eu"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Both KONNECT_BASE_URL and KONNECT_REGION");
        assertThatThrownBy(() -> Konnect.builder().fromEnvironment(Map.of("KONNECT_TOKEN", "t",
                "HTTPS_PROXY", "not a url"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTPS_PROXY");
    }

    @Test
    void controlPlaneIsGivenByIdWithoutACallOrByName(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo("/v2/control-planes?page%5Bsize%5D=100&page%5Bnumber%5D=1"
                + "&filter%5Bname%5D%5Beq%5D=prod")).willReturn(okJson("{\"meta\":{\"page\":{\"number\":1,"
                + "\"size\":100,\"total\":1}},\"data\":[{\"id\":\"" + TestClients.CP + "\",\"name\":\"prod\"}]}")));
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            assertThat(konnect.controlPlaneByIdOrName(TestClients.CP.toUpperCase()).id())
                    .isEqualTo(TestClients.CP.toUpperCase());
            assertThat(konnect.controlPlaneFromEnvironment(Map.of("KONNECT_CONTROL_PLANE", "prod")).id())
                    .isEqualTo(TestClients.CP);
            assertThatThrownBy(() -> konnect.controlPlaneFromEnvironment(Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("KONNECT_CONTROL_PLANE");
        }
        verify(1, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v2/control-planes")));
    }
}
