package dev.konnectplugins.internal.testkit;

import java.util.List;
import java.util.Optional;

/**
 * Maps a request to the endpoint that answers it, in Konnect's order: unknown path (404), then token (401),
 * then the organisation's rate limit (429), then unknown control plane (404 problem+json), then the endpoint itself.
 */
public final class KonnectRouter {

    private final FakeState state;
    private final String token;
    private final ControlPlanesEndpoint controlPlanes;
    private final CustomPluginsEndpoint customPlugins;
    private final PluginSchemasEndpoint pluginSchemas;
    private final PluginInstancesEndpoint pluginInstances = new PluginInstancesEndpoint();
    private final OrganizationRateLimit rateLimit;

    public KonnectRouter(FakeState state, String token, OrganizationRateLimit rateLimit) {
        this.state = state;
        this.token = token;
        this.rateLimit = rateLimit;
        this.controlPlanes = new ControlPlanesEndpoint(state);
        this.customPlugins = new CustomPluginsEndpoint(state);
        this.pluginSchemas = new PluginSchemasEndpoint(state);
    }

    private enum Route { CONTROL_PLANES, CONTROL_PLANE, CUSTOM_PLUGINS, CUSTOM_PLUGIN, PLUGIN_SCHEMAS, PLUGIN_SCHEMA,
        PLUGIN_INSTANCES }

    /**
     * What to answer before reading a request's body, if anything: a body sent to one of Konnect's paths without the
     * token is refused (401) unread, and one declared larger than {@code maxBodyBytes} gets a 413, as Konnect's
     * gateway answers. Other paths are left to WireMock, so that users' own stubs still answer them.
     *
     * @param request       the request without its body
     * @param contentLength the declared length, -1 when unknown
     */
    public Optional<HttpReply> beforeBody(KonnectRequest request, long contentLength, long maxBodyBytes) {
        if (contentLength == 0 || route(request.segments()).isEmpty()) {
            return Optional.empty();
        }
        if (!authorized(request.authorization())) {
            return Optional.of(ErrorBodies.unauthorized());
        }
        return contentLength > maxBodyBytes ? Optional.of(ErrorBodies.gateway(413, "Request Entity Too Large"))
                : Optional.empty();
    }

    public HttpReply handle(KonnectRequest request) {
        Optional<Route> route = route(request.segments());
        if (route.isEmpty()) {
            return ErrorBodies.noRoute();
        }
        if (!authorized(request.authorization())) {
            return ErrorBodies.unauthorized();
        }
        // The organisation's limit counts what its token sends; a request without the token belongs to nobody.
        Optional<Long> retryAfter = rateLimit.admit();
        if (retryAfter.isPresent()) {
            return ErrorBodies.rateLimited(retryAfter.get());
        }
        if (route.get() == Route.CONTROL_PLANES) {
            return controlPlanes.list(request);
        }
        return state.controlPlane(request.segment(2))
                .map(controlPlane -> dispatch(route.get(), request, controlPlane))
                .orElseGet(() -> ErrorBodies.problemNotFound("control plane not found"));
    }

    private HttpReply dispatch(Route route, KonnectRequest request, ControlPlaneState controlPlane) {
        return switch (route) {
            case CONTROL_PLANE -> controlPlanes.get(request, controlPlane);
            case CUSTOM_PLUGINS -> customPlugins.collection(request, controlPlane);
            case CUSTOM_PLUGIN -> customPlugins.item(request, controlPlane, request.segment(5));
            case PLUGIN_SCHEMAS -> pluginSchemas.collection(request, controlPlane);
            case PLUGIN_SCHEMA -> pluginSchemas.item(request, controlPlane, request.segment(5));
            case PLUGIN_INSTANCES -> pluginInstances.collection(request, controlPlane);
            case CONTROL_PLANES -> controlPlanes.list(request);
        };
    }

    /** v2 / control-planes [/ {id} [/ core-entities / (custom-plugins | plugin-schemas) [/ {key}] | plugins]]. */
    private static Optional<Route> route(List<String> segments) {
        int count = segments.size();
        if (count < 2 || !segments.get(0).equals("v2") || !segments.get(1).equals("control-planes")) {
            return Optional.empty();
        }
        if (count <= 3) {
            return Optional.of(count == 2 ? Route.CONTROL_PLANES : Route.CONTROL_PLANE);
        }
        if (count > 6 || count == 4 || !segments.get(3).equals("core-entities")) {
            return Optional.empty();
        }
        return switch (segments.get(4)) {
            case "custom-plugins" -> Optional.of(count == 5 ? Route.CUSTOM_PLUGINS : Route.CUSTOM_PLUGIN);
            case "plugin-schemas" -> Optional.of(count == 5 ? Route.PLUGIN_SCHEMAS : Route.PLUGIN_SCHEMA);
            case "plugins" -> count == 5 ? Optional.of(Route.PLUGIN_INSTANCES) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && parts[1].equals(token);
    }
}
