package dev.konnectplugins.internal;

import dev.konnectplugins.ErrorDetails;
import dev.konnectplugins.KonnectApiException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One answer from Konnect. The body stays bytes: models are parsed from them directly, and only error paths
 * decode text.
 */
public final class ApiResponse {
    private static final byte[] EMPTY = new byte[0];

    private final ApiRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] bytes;

    /**
     * @param request the request it answers
     * @param status  HTTP status
     * @param headers response headers
     * @param bytes   the body, empty when there was none
     */
    public ApiResponse(ApiRequest request, int status, HttpHeaders headers, byte[] bytes) {
        this.request = Objects.requireNonNull(request, "request");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.bytes = bytes == null ? EMPTY : bytes;
    }

    public ApiRequest request() {
        return request;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body as received; not a copy, do not change it. */
    public byte[] bytes() {
        return bytes;
    }

    /** The body as text (UTF-8), for error reports. */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads the body as a model.
     *
     * @throws KonnectApiException when the body is not the JSON expected (a proxy's page, a truncated body)
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.read(bytes, type);
        } catch (IllegalArgumentException e) {
            KonnectApiException failure = malformed("the response is not the expected " + type.getSimpleName()
                    + " JSON (" + ServerText.sanitize(e.getMessage(), ServerText.MESSAGE_LIMIT) + ")");
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * Reads the body as a model and checks it with {@code problem}, which names what is missing (null when nothing
     * is): an answer without a field the SDK relies on fails here, clearly, and not later with a
     * NullPointerException.
     *
     * @throws KonnectApiException when the body is not the JSON expected, or {@code problem} finds one
     */
    public <T> T as(Class<T> type, Function<? super T, String> problem) {
        T value = as(type);
        String found = problem.apply(value);
        if (found != null) {
            throw malformed("the response is not a valid " + type.getSimpleName() + ": " + found);
        }
        return value;
    }

    /** The error for an answer that is not what Konnect sends, with the body as received. */
    public KonnectApiException malformed(String problem) {
        return new KonnectApiException(new ErrorDetails(request.method(), request.path(), status, problem, null,
                List.of(), body()));
    }
}
