package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The four error body shapes Konnect uses on the endpoints we wrap (konnect-api.md section 2c):
 * gateway-style, legacy `{message}`, RFC 7807 problem+json, and the gRPC-status style of core entities.
 */
final class ErrorBodies {

    static final String ERROR_DETAIL_TYPE = "type.googleapis.com/kong.admin.model.v1.ErrorDetail";
    private static final int GRPC_INVALID_ARGUMENT = 3;
    private static final int GRPC_NOT_FOUND = 5;
    private static final int KONG_REFERENCED_BY_OTHERS = 19;

    private ErrorBodies() {
    }

    /** The gateway-style 401 every endpoint answers for a missing or wrong token. */
    public static HttpReply unauthorized() {
        return gateway(401, "Unauthorized");
    }

    /** Kong's own answer when no route matches, which is what Konnect's edge gateway says for unknown paths. */
    public static HttpReply noRoute() {
        return gateway(404, "no Route matched with those values");
    }

    public static HttpReply methodNotAllowed() {
        return gateway(405, "Method not allowed");
    }

    /**
     * Konnect's answer above its request rate limit: 429, {@code Retry-After} in seconds and the bare message seen
     * from Konnect ({@code {"message":"API rate limit exceeded"}}).
     */
    public static HttpReply rateLimited(long retryAfterSeconds) {
        return legacy(429, "API rate limit exceeded").withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static HttpReply gateway(int status, String message) {
        return HttpReply.json(status, Json.object().put("message", message).put("status", status));
    }

    /** The legacy control-plane body, a bare message, used by plugin-schemas. */
    public static HttpReply legacy(int status, String message) {
        return HttpReply.json(status, Json.object().put("message", message));
    }

    public static HttpReply problemNotFound(String detail) {
        return problem(404, "Not Found", detail);
    }

    public static HttpReply problem(int status, String title, String detail) {
        return HttpReply.problem(status, problemBody(status, title, detail));
    }

    /** A problem+json 400 with the `invalid_parameters` list Konnect-native APIs require on bad requests. */
    public static HttpReply problemBadRequest(String field, String reason) {
        ObjectNode body = problemBody(400, "Bad Request", "Invalid Parameters");
        ObjectNode parameter = Json.object().put("field", field).put("rule", "invalid").put("source", "query")
                .put("reason", reason);
        body.set("invalid_parameters", Json.array().add(parameter));
        return HttpReply.problem(400, body);
    }

    /** Core-entity validation failure: `{code:3, message:"validation error", details:[...]}`. */
    public static HttpReply validation(List<FieldError> errors) {
        ArrayNode details = Json.array();
        errors.forEach(error -> details.add(detail("ERROR_TYPE_FIELD", error.field(), error.message())));
        return coreEntity(400, GRPC_INVALID_ARGUMENT, "validation error", details);
    }

    /** Core-entity body that could not be read at all (not JSON, or not an object). */
    public static HttpReply malformedBody(String why) {
        return coreEntity(400, GRPC_INVALID_ARGUMENT, "invalid request body: " + why, Json.array());
    }

    /** A unique-name violation as Konnect core entities report it (400), or as a 409 when configured. */
    public static HttpReply uniqueViolation(int status, String field) {
        ArrayNode details = Json.array()
                .add(detail("ERROR_TYPE_REFERENCE", field, field + " (type: unique) constraint failed"));
        return coreEntity(status, GRPC_INVALID_ARGUMENT, "data constraint error", details);
    }

    public static HttpReply coreNotFound() {
        return coreEntity(404, GRPC_NOT_FOUND, "not found", Json.array());
    }

    /** Self-managed Kong's answer when a custom plugin that plugins still use is changed or deleted. */
    public static HttpReply referencedByOthers(String message) {
        ObjectNode body = Json.object().put("code", KONG_REFERENCED_BY_OTHERS).put("name", "referenced by others")
                .put("message", message);
        return HttpReply.json(400, body);
    }

    private static HttpReply coreEntity(int status, int code, String message, ArrayNode details) {
        ObjectNode body = Json.object().put("code", code).put("message", message);
        body.set("details", details);
        return HttpReply.json(status, body);
    }

    private static ObjectNode detail(String type, String field, String message) {
        ObjectNode detail = Json.object().put("@type", ERROR_DETAIL_TYPE).put("type", type).put("field", field);
        detail.set("messages", Json.array().add(message));
        return detail;
    }

    private static ObjectNode problemBody(int status, String title, String detail) {
        return Json.object()
                .put("status", status)
                .put("title", title)
                .put("type", "https://httpstatuses.com/" + status)
                .put("instance", "konnect:trace:" + traceId())
                .put("detail", detail);
    }

    private static String traceId() {
        // Konnect trace ids are long decimal numbers; a fresh one per answer, as there.
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
