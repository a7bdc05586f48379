package dev.konnectplugins.benchmarks;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectListener;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.model.CustomPlugin;
import java.net.URI;

/** The operations through the SDK's blocking API, as a user writes them. */
final class SdkClient implements BenchmarkedClient {
    private final Konnect konnect;
    private final CustomPlugins plugins;
    private final PluginSource source = PluginSource.of("myplugin", SamplePlugins.largeHandler(1900),
            SamplePlugins.TEMPLATE_SCHEMA);

    SdkClient(URI baseUrl) {
        this(baseUrl, null);
    }

    /** With {@code listener} registered, when not null. */
    SdkClient(URI baseUrl, KonnectListener listener) {
        // Offline validation is measured on its own rows; here only the HTTP client is compared.
        Konnect.Builder builder = Konnect.builder().baseUrl(baseUrl).token(KonnectStub.TOKEN)
                .validateBeforeUpload(false);
        konnect = (listener == null ? builder : builder.listener(listener)).build();
        plugins = konnect.controlPlane(KonnectStub.CONTROL_PLANE).customPlugins();
    }

    @Override
    public Object get() {
        return plugins.get("plugin-0");
    }

    @Override
    public Object create() {
        return plugins.create(source);
    }

    @Override
    public Object pageOf100() {
        return plugins.list(ListOptions.builder().pageSize(KonnectStub.SMALL_PAGE).build()).iterableByPage()
                .iterator().next();
    }

    @Override
    public int list10k() {
        int count = 0;
        for (CustomPlugin plugin : plugins.list(ListOptions.builder().pageSize(KonnectStub.LISTING_PAGE).build())) {
            count += plugin.getName() == null ? 0 : 1;
        }
        return count;
    }

    @Override
    public void close() {
        konnect.close();
    }
}
