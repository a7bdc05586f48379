package dev.konnectplugins.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.konnectplugins.internal.model.CustomPluginPage;
import dev.konnectplugins.model.CustomPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The baseline: what a careful developer writes without the SDK. One shared HttpClient with the SDK's settings,
 * one shared ObjectMapper, {@code BodyHandlers.ofByteArray} + {@code readValue(byte[])}, a Bearer header and a
 * status check. No retries, timeouts per attempt only, no error decoding.
 */
final class RawClient implements BenchmarkedClient {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String plugins;
    private final CustomPlugin body = new CustomPlugin().name("myplugin").handler(SamplePlugins.largeHandler(1900))
            .schema(SamplePlugins.TEMPLATE_SCHEMA);

    RawClient(URI baseUrl) {
        this.plugins = baseUrl + KonnectStub.PLUGINS_PATH;
    }

    @Override
    public Object get() {
        return send(request(plugins + "/plugin-0").GET(), CustomPlugin.class);
    }

    @Override
    public Object create() {
        try {
            return send(request(plugins).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))), CustomPlugin.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object pageOf100() {
        return send(request(plugins + "?size=" + KonnectStub.SMALL_PAGE).GET(), CustomPluginPage.class);
    }

    @Override
    public int list10k() {
        int count = 0;
        String offset = null;
        do {
            CustomPluginPage page = send(request(plugins + "?size=" + KonnectStub.LISTING_PAGE
                    + (offset == null ? "" : "&offset=" + offset)).GET(), CustomPluginPage.class);
            for (CustomPlugin plugin : page.getData()) {
                count += plugin.getName() == null ? 0 : 1;
            }
            offset = page.getOffset();
        } while (offset != null);
        return count;
    }

    private static HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KonnectStub.TOKEN).header("Accept", "application/json");
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // The JDK 17 HttpClient has no close(); its selector thread ends when it is collected.
    }
}
