package dev.konnectplugins.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.konnectplugins.internal.testkit.FaultAction;
import dev.konnectplugins.internal.testkit.FaultQueue;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Fault injection for resilience tests. Each method queues a fault for the next {@code times} requests the
 * fake answers; queued faults apply one after the other, in the order they were added, so
 * {@code rateLimitNext(2, ofSeconds(1)).failNext(1, 503)} answers 429, 429, 503, then normally again.
 * A fault that replaces the answer leaves the fake's state alone (a rate-limited POST creates nothing);
 * a delay answers normally, late. Requests answered by your own WireMock stubs neither see nor use faults.
 */
public final class Faults {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(429, "API rate limit exceeded"), Map.entry(500, "An unexpected error occurred"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));
    private static final String PROXY_502_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
            + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";
    private static final String JSON = "application/json; charset=utf-8";

    private final FaultQueue queue;

    Faults(FaultQueue queue) {
        this.queue = queue;
    }

    /**
     * 429 with {@code Retry-After} in whole seconds (rounded up) and {@code {"message":"API rate limit exceeded"}}.
     *
     * @param times how many of the next requests get it, at least 1
     * @param retryAfter the wait to announce
     * @return these faults, to queue more
     */
    public Faults rateLimitNext(int times, Duration retryAfter) {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return rateLimitNext(times, Long.toString(seconds));
    }

    /**
     * 429 whose {@code Retry-After} is an HTTP-date, the header's other legal form.
     *
     * @param times how many of the next requests get it, at least 1
     * @param retryAt the instant to announce
     * @return these faults, to queue more
     */
    public Faults rateLimitNext(int times, Instant retryAt) {
        return rateLimitNext(times, DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atZone(ZoneOffset.UTC)));
    }

    /**
     * 429 without a {@code Retry-After} header, so clients fall back to their own backoff.
     *
     * @param times how many of the next requests get it, at least 1
     * @return these faults, to queue more
     */
    public Faults rateLimitNext(int times) {
        return add(times, normal -> response(429, JSON, messageBody(429)).build());
    }

    /**
     * 429 with this exact {@code Retry-After} header value.
     *
     * @param times how many of the next requests get it, at least 1
     * @param retryAfterHeader the header's value, sent as it is (it may be invalid on purpose)
     * @return these faults, to queue more
     */
    public Faults rateLimitNext(int times, String retryAfterHeader) {
        return add(times, normal -> response(429, JSON, messageBody(429))
                .withHeader("Retry-After", retryAfterHeader).build());
    }

    /**
     * An error status (4xx or 5xx) with a gateway-style {@code {"message":"..."}} body.
     *
     * @param times how many of the next requests get it, at least 1
     * @param status the HTTP status
     * @return these faults, to queue more
     */
    public Faults failNext(int times, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("failNext needs an error status (400-599), not " + status);
        }
        return add(times, normal -> response(status, JSON, messageBody(status)).build());
    }

    /**
     * 502 with an HTML page, as a proxy or load balancer in front of Konnect would answer.
     *
     * @param times how many of the next requests get it, at least 1
     * @return these faults, to queue more
     */
    public Faults badGatewayNext(int times) {
        return respondNext(times, 502, "text/html", PROXY_502_PAGE);
    }

    /**
     * Any status, content type and body, for answers the other methods don't cover.
     *
     * @param times how many of the next requests get it, at least 1
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header's value
     * @param body the body, sent as it is
     * @return these faults, to queue more
     */
    public Faults respondNext(int times, int status, String contentType, String body) {
        return add(times, normal -> response(status, contentType, body).build());
    }

    /**
     * Answers normally, but only after {@code delay}: for client timeouts.
     *
     * @param times how many of the next requests get it, at least 1
     * @param delay how long to wait before answering
     * @return these faults, to queue more
     */
    public Faults delayNext(int times, Duration delay) {
        int millis = Math.toIntExact(delay.toMillis());
        return add(times, normal -> ResponseDefinitionBuilder.like(normal.get()).withFixedDelay(millis).build());
    }

    /**
     * Resets the TCP connection (WireMock's {@code CONNECTION_RESET_BY_PEER}) without answering.
     *
     * @param times how many of the next requests get it, at least 1
     * @return these faults, to queue more
     */
    public Faults resetConnectionNext(int times) {
        return add(times, normal -> ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.CONNECTION_RESET_BY_PEER).build());
    }

    /**
     * Closes the connection without sending anything (WireMock's {@code EMPTY_RESPONSE}).
     *
     * @param times how many of the next requests get it, at least 1
     * @return these faults, to queue more
     */
    public Faults emptyResponseNext(int times) {
        return add(times, normal -> ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.EMPTY_RESPONSE).build());
    }

    /**
     * How many requests the queued faults will still hit.
     *
     * @return the count; 0 when no fault is queued
     */
    public int pending() {
        return queue.pending();
    }

    /** Drops every queued fault. */
    public void clear() {
        queue.clear();
    }

    private Faults add(int times, FaultAction action) {
        queue.add(action, times);
        return this;
    }

    private static ResponseDefinitionBuilder response(int status, String contentType, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body);
    }

    private static String messageBody(int status) {
        String message = REASONS.getOrDefault(status, "Error");
        // Gateway messages carry no status field except the 401; a plain {"message"} matches Kong's edge.
        return "{\"message\":\"" + message + "\"}";
    }
}
