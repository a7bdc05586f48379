package dev.konnectplugins.internal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One answer of the fake, independent of WireMock so the endpoint logic stays testable and small.
 *
 * @param status      HTTP status
 * @param contentType value of Content-Type, or null when there is no body
 * @param body        the body text, empty for none
 * @param headers     extra headers (for example Retry-After)
 */
record HttpReply(int status, String contentType, String body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json";

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public static HttpReply json(int status, JsonNode body) {
        return new HttpReply(status, JSON, Json.write(body), Map.of());
    }

    public static HttpReply problem(int status, JsonNode body) {
        return new HttpReply(status, PROBLEM_JSON, Json.write(body), Map.of());
    }

    public static HttpReply noContent() {
        return new HttpReply(204, null, "", Map.of());
    }

    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
