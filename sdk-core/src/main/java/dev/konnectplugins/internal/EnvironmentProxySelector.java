package dev.konnectplugins.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Honours {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (either case), which {@code java.net.http}
 * ignores by itself, the way curl and the Go tools read them.
 */
public final class EnvironmentProxySelector extends ProxySelector {
    private final Proxy httpsProxy;
    private final Proxy httpProxy;
    private final List<String> noProxy;

    private EnvironmentProxySelector(Proxy httpsProxy, Proxy httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /**
     * Reads the proxy variables.
     *
     * @throws IllegalArgumentException naming the variable whose value is not a proxy URL
     */
    public static EnvironmentProxySelector from(Map<String, String> environment) {
        return new EnvironmentProxySelector(proxy(environment, "HTTPS_PROXY"), proxy(environment, "HTTP_PROXY"),
                noProxyList(variable(environment, "NO_PROXY")));
    }

    @Override
    public List<Proxy> select(URI uri) {
        Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypasses(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to remember: the call fails and the retry policy decides what happens next.
    }

    @Override
    public String toString() {
        return "EnvironmentProxySelector{https=" + httpsProxy + ", http=" + httpProxy + ", noProxy=" + noProxy + "}";
    }

    private boolean bypasses(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            if (entry.equals("*") || lower.equals(entry) || lower.endsWith(entry.startsWith(".") ? entry : "." + entry)) {
                return true;
            }
        }
        return false;
    }

    private static Proxy proxy(Map<String, String> environment, String name) {
        String value = variable(environment, name);
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            // The value is not quoted: it may hold a password.
            throw new IllegalArgumentException(name + " is not a proxy URL such as http://proxy.example:3128");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(name + " is not a proxy URL such as http://proxy.example:3128");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " carries proxy credentials, which the SDK does not send; "
                    + "configure an Authenticator on your own HttpClient and pass it with httpClient(...)");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    private static String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> noProxyList(String value) {
        List<String> hosts = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split(",")) {
                String host = entry.trim().toLowerCase(Locale.ROOT);
                int port = host.lastIndexOf(':');
                if (port > 0 && host.indexOf(':') == port) {
                    host = host.substring(0, port);
                }
                if (!host.isEmpty()) {
                    hosts.add(host);
                }
            }
        }
        return List.copyOf(hosts);
    }
}
