package dev.konnectplugins.internal.maven;

import dev.konnectplugins.Konnect;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Proxy;

/**
 * Builds the client the way the CLI does, with {@link Konnect.Builder#fromEnvironment(Map)} reading the environment
 * with the plugin's settings laid over it: the token from settings.xml, the host from the pom, and Maven's active
 * proxy in place of the proxy variables.
 *
 * @param environment the process environment
 * @param settingsToken the token of the settings.xml server, if there is one; it wins over {@code KONNECT_TOKEN}
 * @param baseUrl the pom's {@code baseUrl}, or null
 * @param region the pom's {@code region}, or null
 * @param proxy Maven's active proxy, if any; it wins over {@code HTTPS_PROXY} and {@code HTTP_PROXY}
 */
public record ConnectionSettings(Map<String, String> environment, Optional<String> settingsToken, String baseUrl,
                                 String region, Optional<Proxy> proxy) {
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "NO_PROXY", "no_proxy");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A new client; close it when done.
     *
     * @param serverId the settings.xml server the token could have come from, for the message when there is none
     * @return the client
     * @throws IllegalStateException when there is no token, or the settings contradict each other
     * @throws IllegalArgumentException naming the setting whose value is not valid
     */
    public Konnect connect(String serverId) {
        Map<String, String> merged = new HashMap<>(environment);
        settingsToken.ifPresent(token -> merged.put(Konnect.TOKEN_VARIABLE, token));
        if (nonBlank(baseUrl)) {
            merged.put(Konnect.BASE_URL_VARIABLE, baseUrl.trim());
            merged.remove(Konnect.REGION_VARIABLE);
        }
        if (nonBlank(region)) {
            merged.put(Konnect.REGION_VARIABLE, region.trim());
            if (!nonBlank(baseUrl)) {
                merged.remove(Konnect.BASE_URL_VARIABLE);
            }
        }
        if (!nonBlank(merged.get(Konnect.TOKEN_VARIABLE))) {
            throw new IllegalStateException("no Konnect token: add a <server> with <id>" + serverId + "</id> and the "
                    + "token as its <password> to settings.xml, or set KONNECT_TOKEN");
        }
        if (proxy.isPresent()) {
            PROXY_VARIABLES.forEach(merged::remove);
        }
        Konnect.Builder builder = Konnect.builder().fromEnvironment(merged)
                .userAgentSuffix("konnect-plugins-maven-plugin");
        proxy.ifPresent(active -> useProxy(builder, active));
        return builder.build();
    }

    private static void useProxy(Konnect.Builder builder, Proxy proxy) {
        MavenProxySelector selector = new MavenProxySelector(proxy.getHost(), proxy.getPort(),
                proxy.getNonProxyHosts());
        if (!nonBlank(proxy.getUsername())) {
            builder.proxy(selector);
            return;
        }
        // The client's own proxy option has no credentials: an HttpClient of ours carries them. It never follows
        // redirects, which the SDK requires so that the token cannot reach another host.
        PasswordAuthentication credentials = new PasswordAuthentication(proxy.getUsername(),
                proxy.getPassword() == null ? new char[0] : proxy.getPassword().toCharArray());
        builder.httpClient(HttpClient.newBuilder().proxy(selector).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .authenticator(new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return getRequestorType() == RequestorType.PROXY ? credentials : null;
                    }
                }).build());
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Never shows the token or the proxy's password. */
    @Override
    public String toString() {
        return "ConnectionSettings{baseUrl=" + baseUrl + ", region=" + region + ", settingsToken="
                + (settingsToken.isPresent() ? "<redacted>" : "<none>") + ", proxy="
                + proxy.map(p -> p.getHost() + ":" + p.getPort()).orElse("<none>") + "}";
    }
}
