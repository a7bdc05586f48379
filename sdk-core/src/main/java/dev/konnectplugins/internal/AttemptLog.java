package dev.konnectplugins.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's HTTP log, SLF4J logger {@code dev.konnectplugins.http}: one DEBUG line per attempt (method, path,
 * outcome, attempt, duration), bodies at TRACE, sanitised and shortened. Headers are never logged, so the token
 * cannot leak; failures are thrown, not logged at WARN or ERROR.
 */
final class AttemptLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.konnectplugins.http");
    private static final int TRACE_BODY_LIMIT = 2048;

    private AttemptLog() {
    }

    static void attempt(ApiRequest request, String outcome, int attempt, int maxAttempts, long startedNanos,
                        Duration retryIn) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} (attempt {}/{}, {} ms){}", request.describe(), outcome, attempt, maxAttempts,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
                    retryIn == null ? "" : ", retrying in " + retryIn.toMillis() + " ms");
        }
    }

    static void bodies(ApiResponse response) {
        if (LOG.isTraceEnabled()) {
            ApiRequest request = response.request();
            if (request.body() != null) {
                LOG.trace("{} request body: {}", request.describe(),
                        ServerText.sanitize(new String(request.body(), StandardCharsets.UTF_8), TRACE_BODY_LIMIT));
            }
            LOG.trace("{} response body: {}", request.describe(),
                    ServerText.sanitize(response.body(), TRACE_BODY_LIMIT));
        }
    }
}
