package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.konnectplugins.testkit.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Control routes under {@code /__admin/fake-konnect/}, so tools written in other languages can do over HTTP what
 * Java tests do with {@code FakeKonnect}'s methods: reset, inspect the state, add control planes, mark plugins
 * in use, queue faults and set the rate limit. Like the rest of WireMock's admin API they need no token.
 */
public final class FakeKonnectAdminApi implements AdminApiExtension {

    private static final String ROOT = "/fake-konnect";

    private final FakeState state;
    private final Faults faults;
    private final OrganizationRateLimit rateLimit;
    private final Runnable reset;

    public FakeKonnectAdminApi(FakeState state, Faults faults, OrganizationRateLimit rateLimit, Runnable reset) {
        this.state = state;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.reset = reset;
    }

    @Override
    public String getName() {
        return "fake-konnect-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.POST, ROOT + "/reset", (admin, event, params) -> {
            reset.run();
            return reply(HttpReply.noContent());
        });
        router.add(RequestMethod.GET, ROOT + "/state", (admin, event, params) -> reply(HttpReply.json(200, state())));
        router.add(RequestMethod.POST, ROOT + "/control-planes", (admin, event, params) -> addControlPlane(event));
        router.add(RequestMethod.PUT, ROOT + "/control-planes/{id}/in-use/{name}",
                (admin, event, params) -> markInUse(params.get("id"), params.get("name")));
        router.add(RequestMethod.DELETE, ROOT + "/control-planes/{id}/in-use/{name}",
                (admin, event, params) -> markNotInUse(params.get("id"), params.get("name")));
        router.add(RequestMethod.POST, ROOT + "/faults", (admin, event, params) -> addFault(event));
        router.add(RequestMethod.DELETE, ROOT + "/faults", (admin, event, params) -> {
            faults.clear();
            return reply(HttpReply.noContent());
        });
        router.add(RequestMethod.PUT, ROOT + "/rate-limit", (admin, event, params) -> setRateLimit(event));
        router.add(RequestMethod.DELETE, ROOT + "/rate-limit", (admin, event, params) -> {
            rateLimit.set(null);
            return reply(HttpReply.noContent());
        });
    }

    private ObjectNode state() {
        ObjectNode body = Json.object();
        ArrayNode planes = body.putArray("control_planes");
        for (ControlPlaneInfo info : state.controlPlanes()) {
            ObjectNode plane = planes.addObject().put("id", info.id()).put("name", info.name());
            ControlPlaneState controlPlane = state.controlPlane(info.id()).orElseThrow();
            ArrayNode plugins = plane.putArray("custom_plugins");
            controlPlane.customPluginSnapshot().forEach(plugin -> plugins.add(Representations.customPlugin(plugin)));
            ArrayNode schemas = plane.putArray("plugin_schemas");
            controlPlane.pluginSchemaSnapshot().forEach(schema -> schemas.add(Representations.pluginSchema(schema)));
        }
        body.put("pending_faults", faults.pending());
        ObjectNode limit = body.putObject("rate_limit").put("refused", rateLimit.refused());
        rateLimit.settings().ifPresentOrElse(
                settings -> limit.put("requests", settings.requests()).put("window_ms", settings.window().toMillis()),
                () -> limit.putNull("requests").putNull("window_ms"));
        return body;
    }

    /** {@code {"requests": N, "window_ms": 1000}}; the window defaults to one second. */
    private ResponseDefinition setRateLimit(ServeEvent event) {
        Optional<JsonNode> body = body(event);
        JsonNode requests = body.map(json -> json.path("requests")).orElse(null);
        JsonNode window = body.map(json -> json.path("window_ms")).orElse(null);
        if (requests == null || !requests.canConvertToInt() || !requests.isIntegralNumber()
                || !(window.isMissingNode() || window.isIntegralNumber())) {
            return reply(ErrorBodies.legacy(400, "body must be {\"requests\": N, \"window_ms\": M} "
                    + "(window_ms optional, default 1000)"));
        }
        try {
            rateLimit.set(new OrganizationRateLimit.Settings(requests.asInt(),
                    Duration.ofMillis(window.asLong(1000))));
            return reply(HttpReply.noContent());
        } catch (IllegalArgumentException bad) {
            return reply(ErrorBodies.legacy(400, bad.getMessage()));
        }
    }

    private ResponseDefinition addControlPlane(ServeEvent event) {
        String name = body(event).map(json -> json.path("name").asText("")).orElse("");
        if (name.isBlank()) {
            return reply(ErrorBodies.legacy(400, "body must be {\"name\": \"...\"}"));
        }
        try {
            ControlPlaneInfo info = state.addControlPlane(UUID.randomUUID().toString(), name);
            return reply(HttpReply.json(201, Json.object().put("id", info.id()).put("name", info.name())));
        } catch (IllegalArgumentException duplicate) {
            return reply(ErrorBodies.legacy(409, duplicate.getMessage()));
        }
    }

    private ResponseDefinition markInUse(String controlPlaneId, String name) {
        Optional<ControlPlaneState> controlPlane = state.controlPlane(controlPlaneId);
        if (controlPlane.isEmpty()) {
            return reply(ErrorBodies.legacy(404, "no control plane " + controlPlaneId));
        }
        String instanceId = UUID.randomUUID().toString();
        controlPlane.get().addPluginInstance(name, instanceId, state.clock().instant().getEpochSecond());
        return reply(HttpReply.json(200, Json.object().put("instance_id", instanceId)));
    }

    private ResponseDefinition markNotInUse(String controlPlaneId, String name) {
        state.controlPlane(controlPlaneId).ifPresent(controlPlane -> controlPlane.removePluginInstances(name));
        return reply(HttpReply.noContent());
    }

    private ResponseDefinition addFault(ServeEvent event) {
        Optional<JsonNode> body = body(event);
        if (body.isEmpty()) {
            return reply(ErrorBodies.legacy(400, "body must be a JSON object with a \"type\""));
        }
        try {
            queueFault(body.get());
            return reply(HttpReply.noContent());
        } catch (IllegalArgumentException | ArithmeticException bad) {
            return reply(ErrorBodies.legacy(400, bad.getMessage()));
        }
    }

    private void queueFault(JsonNode fault) {
        int times = fault.path("times").asInt(1);
        switch (fault.path("type").asText("")) {
            case "rate-limit" -> {
                if (fault.hasNonNull("retry_after_seconds")) {
                    faults.rateLimitNext(times, Duration.ofSeconds(fault.get("retry_after_seconds").asLong()));
                } else {
                    faults.rateLimitNext(times);
                }
            }
            case "fail" -> faults.failNext(times, fault.path("status").asInt(500));
            case "bad-gateway" -> faults.badGatewayNext(times);
            case "delay" -> faults.delayNext(times, Duration.ofMillis(fault.path("delay_ms").asLong(1000)));
            case "reset-connection" -> faults.resetConnectionNext(times);
            case "empty-response" -> faults.emptyResponseNext(times);
            default -> throw new IllegalArgumentException("type must be one of rate-limit, fail, bad-gateway, delay, "
                    + "reset-connection, empty-response");
        }
    }

    private static Optional<JsonNode> body(ServeEvent event) {
        byte[] body = event.getRequest().getBody();
        return Json.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8)).filter(JsonNode::isObject);
    }

    private static ResponseDefinition reply(HttpReply reply) {
        return FakeKonnectTransformer.toDefinition(reply);
    }
}
