package dev.konnectplugins.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.internal.maven.ConnectionSettings;
import dev.konnectplugins.internal.maven.MavenProxySelector;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plugin's own pieces: Maven's proxy, and where the token and host come from. */
class ConnectionTest {
    private static final String TOKEN = "kpat_0123456789abcdef0123456789abcdef0123456789abcdef0";

    @Test
    void mavensProxyIsUsedExceptForItsNonProxyHosts() {
        MavenProxySelector selector = new MavenProxySelector("proxy.corp", 3128, "localhost|*.internal.corp");

        assertThat(selector.select(URI.create("https://eu.api.konghq.com/v2"))).singleElement()
                .satisfies(proxy -> assertThat(proxy.address().toString()).contains("proxy.corp", "3128"));
        assertThat(selector.select(URI.create("http://localhost:8080"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://konnect.internal.corp"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void theSettingsTokenWinsOverTheVariableAndThePomsBaseUrlOverTheRegionVariable() {
        ConnectionSettings settings = new ConnectionSettings(Map.of("KONNECT_TOKEN", "kpat_fromtheenvironment",
                "KONNECT_REGION", "eu"), Optional.of(TOKEN), "http://127.0.0.1:9", null, Optional.empty());

        try (Konnect konnect = settings.connect("konnect")) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        }
        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("fromtheenvironment");
    }

    @Test
    void withoutATokenTheMessageSaysWhereToPutOne() {
        ConnectionSettings settings = new ConnectionSettings(Map.of(), Optional.empty(), null, "eu",
                Optional.empty());

        assertThatThrownBy(() -> settings.connect("konnect-prod")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<id>konnect-prod</id>").hasMessageContaining("KONNECT_TOKEN");
    }
}
