package dev.konnectplugins.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.konnectplugins.internal.testkit.BodyGateServerFactory;
import dev.konnectplugins.internal.testkit.ControlPlaneInfo;
import dev.konnectplugins.internal.testkit.ControlPlaneState;
import dev.konnectplugins.internal.testkit.FakeKonnectAdminApi;
import dev.konnectplugins.internal.testkit.FakeKonnectTransformer;
import dev.konnectplugins.internal.testkit.FakeStubKeeper;
import dev.konnectplugins.internal.testkit.FakeState;
import dev.konnectplugins.internal.testkit.FaultQueue;
import dev.konnectplugins.internal.testkit.KonnectRouter;
import dev.konnectplugins.internal.testkit.OrganizationRateLimit;
import dev.konnectplugins.internal.testkit.SilentNotifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * A stateful fake of the Kong Konnect endpoints this SDK wraps (custom plugins, plugin schemas, control
 * planes), served over real HTTP by WireMock.
 *
 * <pre>{@code
 * try (FakeKonnect fake = FakeKonnect.start()) {
 *     Konnect konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).build();
 *     ...
 *     assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(1);
 * }
 * }</pre>
 *
 * <p>The fake answers through one catch-all stub of priority {@value #FAKE_STUB_PRIORITY}; any stub you add
 * to {@link #wireMock()} with a smaller priority number (WireMock's default of 5 included) answers instead.
 * Tools in other languages get the same controls over HTTP under {@code /__admin/fake-konnect/} (see the
 * module README), and {@link FakeKonnectServer} runs the fake standalone. Thread-safe.
 */
public final class FakeKonnect implements AutoCloseable {

    /**
     * The largest request body the fake accepts on Konnect's paths, 16 MiB: a larger one is answered 413 before it
     * is read, as is any body sent without the token (401).
     */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    /** WireMock priority of the fake's catch-all stub: higher numbers lose, so your own stubs win. */
    public static final int FAKE_STUB_PRIORITY = 100;

    private final WireMockServer server;
    private final FakeState state;
    private final FaultQueue faultQueue = new FaultQueue();
    private final Faults faults = new Faults(faultQueue);
    private final OrganizationRateLimit rateLimit = new OrganizationRateLimit(System::nanoTime);
    /** The builder's limit, which reset() restores; null for none. */
    private final OrganizationRateLimit.Settings initialRateLimit;
    private final ControlPlaneInfo defaultControlPlane;
    private final String token;
    private final URI baseUrl;

    FakeKonnect(FakeKonnectBuilder options) {
        this.token = options.token();
        this.state = new FakeState(options.clock(), options.duplicateNameStatus(), options.kongChecks());
        this.defaultControlPlane = state.addControlPlane(options.controlPlaneId(), options.controlPlaneName());
        this.initialRateLimit = options.rateLimit();
        rateLimit.reset(initialRateLimit);
        FakeStubKeeper stubKeeper = new FakeStubKeeper();
        KonnectRouter router = new KonnectRouter(state, token, rateLimit);
        this.server = new WireMockServer(configuration(options, router,
                new FakeKonnectTransformer(router, faultQueue),
                new FakeKonnectAdminApi(state, faults, rateLimit, this::reset),
                stubKeeper));
        server.start();
        installFakeStub();
        stubKeeper.attach(this::installFakeStub);
        this.baseUrl = URI.create("http://" + urlHost(options.bindAddress()) + ":" + server.port());
    }

    /**
     * Starts a fake with the defaults on a free port of 127.0.0.1.
     *
     * @return the running fake; close it to stop it
     */
    public static FakeKonnect start() {
        return builder().start();
    }

    /**
     * Options: port, token, default control plane, duplicate-name status, bind address, clock, Kong's checks,
     * rate limit.
     *
     * @return a builder with the defaults
     */
    public static FakeKonnectBuilder builder() {
        return new FakeKonnectBuilder();
    }

    private static WireMockConfiguration configuration(FakeKonnectBuilder options, KonnectRouter router,
                                                       Extension... extensions) {
        return WireMockConfiguration.options()
                .httpServerFactory(new BodyGateServerFactory(router, MAX_BODY_BYTES))
                .port(options.port())
                .bindAddress(options.bindAddress())
                .extensions(extensions)
                .notifier(new SilentNotifier())
                // Konnect answers uncompressed unless asked; keeping bodies plain keeps every client simple.
                .gzipDisabled(true);
    }

    private void installFakeStub() {
        server.stubFor(any(anyUrl()).atPriority(FAKE_STUB_PRIORITY)
                .willReturn(aResponse().withTransformers(FakeKonnectTransformer.NAME)));
    }

    private static String urlHost(String bindAddress) {
        // A wildcard bind is reachable on loopback; an explicit address is used as given.
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
    }

    /**
     * The host root, without {@code /v2}, for example {@code http://127.0.0.1:43123}.
     *
     * @return the base URL, to give to {@code Konnect.builder().baseUrl(...)}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The port the fake listens on; the one picked when the builder asked for port 0.
     *
     * @return the TCP port
     */
    public int port() {
        return server.port();
    }

    /**
     * The only token the fake accepts, as {@code Authorization: Bearer <token>}.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * UUID of the control plane the fake starts with.
     *
     * @return the control plane's id
     */
    public String controlPlaneId() {
        return defaultControlPlane.id();
    }

    /**
     * Name of the control plane the fake starts with ({@code default} unless the builder set another).
     *
     * @return the control plane's name
     */
    public String controlPlaneName() {
        return defaultControlPlane.name();
    }

    /**
     * Adds another (empty) control plane and returns its id. Names are unique.
     *
     * @param name the new control plane's name, unique among the fake's control planes
     * @return the new control plane's id (a UUID)
     */
    public String addControlPlane(String name) {
        return state.addControlPlane(UUID.randomUUID().toString(), name).id();
    }

    /**
     * The WireMock server, to add your own stubs or read {@code getAllServeEvents()}.
     *
     * @return the underlying server; stopping it stops the fake
     */
    public WireMockServer wireMock() {
        return server;
    }

    /**
     * Fault injection: rate limits, errors, delays, connection resets for the next requests.
     *
     * @return the fault queue of this fake
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Limits the organisation's request rate from now on, as Konnect does: at most {@code requestsPerSecond}
     * authenticated requests to Konnect's paths each second, whatever control plane they name; the others are
     * answered 429 with {@code Retry-After} (whole seconds until the second ends, at least 1) and
     * {@code {"message":"API rate limit exceeded"}}, and change nothing. Replaces any limit set before;
     * {@link #reset()} goes back to the builder's.
     *
     * @param requestsPerSecond how many requests each second admits, at least 1
     */
    public void rateLimit(int requestsPerSecond) {
        rateLimit(requestsPerSecond, Duration.ofSeconds(1));
    }

    /**
     * Limits the organisation's request rate to {@code requests} per {@code window}, counted in fixed windows (as
     * Kong's rate-limiting plugin counts) starting now; see {@link #rateLimit(int)}. A long window makes a test
     * independent of time: with {@code rateLimit(3, Duration.ofMinutes(1))} the fourth request is refused.
     *
     * @param requests how many requests a window admits, at least 1
     * @param window   the window's length, at least 1 ms
     */
    public void rateLimit(int requests, Duration window) {
        rateLimit.set(new OrganizationRateLimit.Settings(requests, window));
    }

    /** Lifts the rate limit: every request is served again. */
    public void noRateLimit() {
        rateLimit.set(null);
    }

    /**
     * How many requests the rate limit has answered 429 since the fake started or was last reset (queued
     * {@link #faults()} not included).
     *
     * @return the count of refused requests
     */
    public long rateLimitedCount() {
        return rateLimit.refused();
    }

    /**
     * The custom plugins stored in a control plane, in creation order.
     *
     * @param controlPlaneId the control plane's id
     * @return a snapshot of the plugins; empty when there are none
     */
    public List<StoredCustomPlugin> customPlugins(String controlPlaneId) {
        return controlPlane(controlPlaneId).customPluginSnapshot();
    }

    /**
     * The stored custom plugin with this name, if any.
     *
     * @param controlPlaneId the control plane's id
     * @param name the plugin's exact name
     * @return the plugin, or empty
     */
    public Optional<StoredCustomPlugin> customPlugin(String controlPlaneId, String name) {
        return customPlugins(controlPlaneId).stream().filter(plugin -> plugin.name().equals(name)).findFirst();
    }

    /**
     * The plugin schemas stored in a control plane, in creation order.
     *
     * @param controlPlaneId the control plane's id
     * @return a snapshot of the schemas; empty when there are none
     */
    public List<StoredPluginSchema> pluginSchemas(String controlPlaneId) {
        return controlPlane(controlPlaneId).pluginSchemaSnapshot();
    }

    /**
     * Adds a plugin instance (a global one) that runs the plugin of this name, as a user configuring it in the UI
     * would. It is listed under {@code core-entities/plugins}, and while it exists PUT, PATCH and DELETE of the
     * custom plugin (or plugin schema) of that name answer Kong's 400 "referenced by others" (code 19) naming it.
     * Returns the instance's id.
     *
     * @param controlPlaneId the control plane's id
     * @param pluginName the name of the plugin the instance runs; it need not exist yet
     * @return the new instance's id (a UUID)
     */
    public String addPluginInstance(String controlPlaneId, String pluginName) {
        String instanceId = UUID.randomUUID().toString();
        long now = state.clock().instant().getEpochSecond();
        controlPlane(controlPlaneId).addPluginInstance(pluginName, instanceId, now);
        return instanceId;
    }

    /**
     * Removes one plugin instance, as moving it to another plugin would; false when there was none.
     *
     * @param controlPlaneId the control plane's id
     * @param instanceId the id {@link #addPluginInstance} returned
     * @return true when an instance was removed
     */
    public boolean removePluginInstance(String controlPlaneId, String instanceId) {
        return controlPlane(controlPlaneId).removePluginInstance(instanceId);
    }

    /**
     * The same as {@link #addPluginInstance}: a plugin instance now uses the plugin. Returns its id.
     *
     * @param controlPlaneId the control plane's id
     * @param pluginName the name of the plugin the instance runs
     * @return the new instance's id (a UUID)
     */
    public String markInUse(String controlPlaneId, String pluginName) {
        return addPluginInstance(controlPlaneId, pluginName);
    }

    /**
     * Removes every plugin instance of the named plugin: it can be changed and deleted again.
     *
     * @param controlPlaneId the control plane holding the plugin
     * @param pluginName     the plugin's name
     */
    public void markNotInUse(String controlPlaneId, String pluginName) {
        controlPlane(controlPlaneId).removePluginInstances(pluginName);
    }

    /**
     * Every request received so far, oldest first, whichever stub answered it.
     *
     * @return a snapshot of the requests
     */
    public List<RecordedRequest> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        // WireMock keeps the newest first.
        java.util.Collections.reverse(events);
        return events.stream().map(event -> recorded(event.getRequest())).toList();
    }

    private static RecordedRequest recorded(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), List.copyOf(header.values()));
        }
        byte[] body = request.getBody();
        return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Back to a fresh start: forgets plugins, schemas, added control planes, in-use marks, queued faults,
     * your own stubs and the request journal. The default control plane keeps its id and name; the rate limit is
     * the builder's again, with nothing counted. Also reachable as {@code POST /__admin/fake-konnect/reset}.
     */
    public void reset() {
        faultQueue.clear();
        rateLimit.reset(initialRateLimit);
        state.resetTo(defaultControlPlane);
        // Re-creates the fake's own stub through FakeStubKeeper.
        server.resetAll();
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    private ControlPlaneState controlPlane(String controlPlaneId) {
        return state.controlPlane(controlPlaneId)
                .orElseThrow(() -> new NoSuchElementException("No control plane with id " + controlPlaneId));
    }
}
