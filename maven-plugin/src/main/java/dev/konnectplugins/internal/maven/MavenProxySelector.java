package dev.konnectplugins.internal.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maven's active {@code <proxy>} of settings.xml as a {@link ProxySelector}: every host goes through it except those
 * matching its {@code <nonProxyHosts>} ({@code |}-separated, {@code *} as a wildcard, as Maven reads them).
 */
public final class MavenProxySelector extends ProxySelector {
    private final Proxy proxy;
    private final List<Pattern> nonProxyHosts;

    /**
     * A selector for one proxy.
     *
     * @param host the proxy's host
     * @param port the proxy's port
     * @param nonProxyHosts Maven's {@code <nonProxyHosts>}, such as {@code localhost|*.example.com}; null for none
     */
    public MavenProxySelector(String host, int port, String nonProxyHosts) {
        this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        this.nonProxyHosts = nonProxyHosts == null ? List.of() : Arrays.stream(nonProxyHosts.split("[|,]"))
                .map(String::trim).filter(pattern -> !pattern.isEmpty()).map(MavenProxySelector::wildcard).toList();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean direct = nonProxyHosts.stream().anyMatch(pattern -> pattern.matcher(host).matches());
        return List.of(direct ? Proxy.NO_PROXY : proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to remember: the call fails and the client's retry policy decides what happens next.
    }

    @Override
    public String toString() {
        return "MavenProxySelector{proxy=" + proxy + ", nonProxyHosts=" + nonProxyHosts + "}";
    }

    private static Pattern wildcard(String hostPattern) {
        String[] parts = hostPattern.toLowerCase(Locale.ROOT).split("\\*", -1);
        return Pattern.compile(Arrays.stream(parts).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse(""));
    }
}
