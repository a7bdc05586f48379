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
import dev.konnectplugins.internal.EnvironmentProxySelector;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class ProxyTest {
    @Test
    void httpProxyFromEnvironmentCarriesTheRequest(WireMockRuntimeInfo proxy) {
        stubFor(get(urlEqualTo("/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins/p"))
                .willReturn(okJson("{\"name\":\"p\"}")));

        try (Konnect konnect = Konnect.builder().baseUrl(URI.create("http://konnect.invalid")).token("t")
                .proxyFromEnvironment(Map.of("http_proxy", "http://localhost:" + proxy.getHttpPort())).build()) {
            assertThat(konnect.controlPlane(TestClients.CP).customPlugins().get("p").getName()).isEqualTo("p");
        }
        verify(getRequestedFor(urlEqualTo("/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins/p")));
    }

    @Test
    void environmentSelectorPicksBySchemeAndHonoursNoProxy() {
        EnvironmentProxySelector selector = EnvironmentProxySelector.from(Map.of(
                "HTTPS_PROXY", "http://secure-proxy:3128", "HTTP_PROXY", "plain-proxy:8080",
                "NO_PROXY", "localhost, .internal.example,konnect.example.com:443"));

        assertThat(address(selector.select(URI.create("https://eu.api.konghq.com")).get(0)))
                .isEqualTo("secure-proxy:3128");
        assertThat(address(selector.select(URI.create("http://eu.api.konghq.com")).get(0))).isEqualTo("plain-proxy:8080");
        assertThat(selector.select(URI.create("http://localhost:8080"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://a.internal.example"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://konnect.example.com"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void noVariablesMeansDirect() {
        assertThat(EnvironmentProxySelector.from(Map.of()).select(URI.create("https://us.api.konghq.com")))
                .containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void proxyCredentialsAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> EnvironmentProxySelector.from(Map.of("HTTPS_PROXY", "http://user:s3cret@proxy:3128")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS_PROXY")
                .hasMessageContaining("Authenticator").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> EnvironmentProxySelector.from(Map.of("HTTP_PROXY", "http://us er:s3cret@proxy")))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void malformedProxyNamesTheVariable() {
        assertThatThrownBy(() -> EnvironmentProxySelector.from(Map.of("HTTPS_PROXY", "http://")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS_PROXY");
    }

    private static String address(Proxy proxy) {
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
    }
}
