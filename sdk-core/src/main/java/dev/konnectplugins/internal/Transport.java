package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectTransportException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt, on the calling thread: adds the headers, sends, and reads the body within the attempt's time and
 * the size limit. The token goes only to the configured host: the client is built never to follow redirects, and
 * an answer from anywhere else (a client that followed one anyway) is refused.
 */
final class Transport {
    private final TransportSettings settings;
    private final HttpResponse.BodyHandler<BoundedBody> bodies;
    private final TokenRedaction redaction;

    Transport(TransportSettings settings) {
        this.settings = settings;
        this.bodies = BoundedBody.handler(settings.maxResponseBytes());
        this.redaction = settings.tokenRedaction();
    }

    /**
     * Sends the request and waits at most {@code timeout} for the whole answer.
     *
     * @throws IOException                when no complete answer came (a timeout is an
     *                                    {@link java.net.http.HttpTimeoutException})
     * @throws KonnectTransportException  when the request could not be sent, the answer is too large or came from
     *                                    another host: not worth another attempt
     */
    ApiResponse send(ApiRequest request, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<BoundedBody> response;
        try {
            response = settings.httpClient().send(httpRequest(request, timeout), bodies);
        } catch (RuntimeException e) {
            // The JDK's message may quote header values, the token among them: name only the failure's type.
            throw new KonnectTransportException(request.describe() + " could not be sent ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        if (!fromConfiguredHost(response.uri())) {
            response.body().discard();
            throw new KonnectTransportException(request.describe() + " was answered by another host ("
                    + ServerText.sanitize(response.uri().getScheme() + "://" + response.uri().getAuthority(), 200)
                    + "): the HttpClient followed a redirect. The SDK sends the token only to " + settings.baseUrl()
                    + "; give it a client built with followRedirects(Redirect.NEVER)", null);
        }
        try {
            // Masked here, before anything reads it: models, error messages, logs and output all come from it.
            byte[] body = redaction.redact(response.body().await(deadline - System.nanoTime()));
            return new ApiResponse(request, response.statusCode(), redacted(response.headers()), body);
        } catch (ResponseTooLargeException e) {
            throw new KonnectTransportException(request.describe() + " failed: " + e.getMessage()
                    + "; raise it with Konnect.builder().maxResponseBytes(...) if this answer is expected", e);
        }
    }

    /** The headers with the token masked (a trace id header may be quoted in a message). */
    private HttpHeaders redacted(HttpHeaders headers) {
        if (!echoesToken(headers)) {
            return headers;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> masked.put(name, values.stream().map(redaction::redact).toList()));
        return HttpHeaders.of(masked, (name, value) -> true);
    }

    /** Loops rather than a stream: this runs on every answer, and a stream pipeline cost more than the search. */
    private boolean echoesToken(HttpHeaders headers) {
        for (List<String> values : headers.map().values()) {
            for (String value : values) {
                if (redaction.occursIn(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private HttpRequest httpRequest(ApiRequest request, Duration timeout) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + request.path()))
                .timeout(timeout)
                .header("Authorization", settings.authorization())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent())
                .method(request.method(), body);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private boolean fromConfiguredHost(URI answered) {
        URI configured = settings.baseUrl();
        return configured.getScheme().equalsIgnoreCase(answered.getScheme())
                && configured.getHost().equalsIgnoreCase(answered.getHost())
                && port(configured) == port(answered);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
