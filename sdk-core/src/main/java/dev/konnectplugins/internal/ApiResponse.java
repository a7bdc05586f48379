package dev.konnectplugins.internal;

import dev.konnectplugins.ErrorDetails;
import dev.konnectplugins.KonnectApiException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Objects;

/**
 * One answer from Konnect.
 *
 * @param request the request it answers
 * @param status  HTTP status
 * @param headers response headers
 * @param body    body text, empty when there was none
 */
public record ApiResponse(ApiRequest request, int status, HttpHeaders headers, String body) {
    public ApiResponse {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? "" : body;
    }

    /**
     * Reads the body as a model.
     *
     * @throws KonnectApiException when the body is not the JSON expected (a proxy's page, a truncated body)
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.read(body, type);
        } catch (IllegalArgumentException e) {
            KonnectApiException failure = new KonnectApiException(new ErrorDetails(request.method(), request.path(),
                    status, "the response is not the expected " + type.getSimpleName() + " JSON ("
                    + e.getMessage() + ")", null, List.of(), body));
            failure.initCause(e);
            throw failure;
        }
    }
}
