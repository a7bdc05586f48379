package dev.konnectplugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KonnectBuilderTest {
    @ParameterizedTest
    @CsvSource({"US,https://us.api.konghq.com", "EU,https://eu.api.konghq.com", "AU,https://au.api.konghq.com",
            "ME,https://me.api.konghq.com", "IN,https://in.api.konghq.com", "SG,https://sg.api.konghq.com"})
    void regionsMapToTheirApiHost(Region region, String host) {
        try (Konnect konnect = Konnect.builder().region(region).token("kpat_x").build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create(host));
        }
    }

    @Test
    void regionCodesParseIgnoringCase() {
        assertThat(Region.of("eu")).isEqualTo(Region.EU);
        assertThat(Region.of(" SG ")).isEqualTo(Region.SG);
        assertThatThrownBy(() -> Region.of("global")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'global'").hasMessageContaining("us, eu, au, me, in, sg");
    }

    @Test
    void customDomainReplacesKonghqCom() {
        try (Konnect konnect = Konnect.builder().region(Region.EU).customDomain("example.com").token("kpat_x")
                .build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("https://eu.api.example.com"));
        }
    }

    @Test
    void baseUrlMayEndWithV2OrASlash() {
        try (Konnect konnect = Konnect.builder().baseUrl(URI.create("http://localhost:8080/v2/")).token("t").build()) {
            assertThat(konnect.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        }
    }

    @Test
    void incompleteConfigurationIsRefusedAtBuild() {
        assertThatThrownBy(() -> Konnect.builder().token("t").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("region(");
        assertThatThrownBy(() -> Konnect.builder().region(Region.US).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("token(");
        assertThatThrownBy(() -> Konnect.builder().region(Region.US).baseUrl(URI.create("http://x")).token("t")
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("choose one");
        assertThatThrownBy(() -> Konnect.builder().baseUrl(URI.create("http://x")).customDomain("example.com")
                .token("t").build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("region(");
        assertThatThrownBy(() -> Konnect.builder().region(Region.US).token("t").httpClient(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("httpClient");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> Konnect.builder().baseUrl(URI.create("ftp://x"))).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> Konnect.builder().token(" ")).hasMessageContaining("token");
        assertThatThrownBy(() -> Konnect.builder().attemptTimeout(Duration.ZERO)).hasMessageContaining("attemptTimeout");
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5))
                .maxBackoff(Duration.ofSeconds(1)).build()).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> ListOptions.builder().pageSize(1001)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> ListOptions.builder().tags("a,b")).hasMessageContaining("'a,b'");
    }

    @Test
    void tokenWithControlOrSpaceCharactersIsRefusedWithoutQuotingIt() {
        for (String bad : new String[] {"kpat_SECRET\u0001x", "kpat_SECRET\nx", "kpat SECRET", "kpat_SECRÉT"}) {
            assertThatThrownBy(() -> Konnect.builder().token(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token").hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void tokenFromEnvironmentNamesTheVariableWhenMissing() {
        assertThatThrownBy(() -> Konnect.builder().tokenFromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KONNECT_TOKEN");
        try (Konnect konnect = Konnect.builder().region(Region.US)
                .tokenFromEnvironment(Map.of("KONNECT_TOKEN", "kpat_from_env")).build()) {
            assertThat(konnect.toString()).doesNotContain("kpat_from_env");
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        Konnect.Builder builder = Konnect.builder().region(Region.EU).token(TestClients.TOKEN);
        try (Konnect konnect = builder.build()) {
            assertThat(builder.toString()).doesNotContain(TestClients.TOKEN).contains("<redacted>");
            assertThat(konnect.toString()).doesNotContain(TestClients.TOKEN).contains("<redacted>");
            assertThat(konnect.controlPlane(TestClients.CP).toString()).doesNotContain(TestClients.TOKEN);
        }
    }

    @Test
    void pluginSourceToStringShowsNoCode() {
        PluginSource source = PluginSource.of("p", "local secret = 'x'", "return {}").withTags("a");
        assertThat(source.toString()).doesNotContain("secret").contains("p", "18 chars", "[a]");
    }
}
