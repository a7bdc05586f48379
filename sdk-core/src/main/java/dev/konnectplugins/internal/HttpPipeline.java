package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectTimeoutException;
import dev.konnectplugins.KonnectTimeoutException.Timeout;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to Konnect: headers, per-attempt and total timeouts, retries with backoff, logging, and the
 * mapping of error answers to exceptions. Non-blocking: the blocking API joins the returned future.
 *
 * <p>Logs through SLF4J logger {@code dev.konnectplugins.http}: one DEBUG line per attempt (method, path, status,
 * attempt, duration), bodies at TRACE, shortened. Headers are never logged, so the token cannot leak; failures
 * are thrown, not logged at WARN or ERROR.
 */
public final class HttpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger("dev.konnectplugins.http");
    private static final int TRACE_BODY_LIMIT = 2048;

    private final TransportSettings settings;
    private final ScheduledExecutorService watchdog;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public HttpPipeline(TransportSettings settings, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.watchdog = watchdog;
    }

    /** Sends the request and completes with a 2xx/3xx answer, or fails with a {@link KonnectException}. */
    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("This Konnect client is closed"));
        }
        Call call = new Call(request);
        call.start();
        return call.result;
    }

    /** Refuses further calls; calls in flight finish. */
    public void close() {
        closed.set(true);
    }

    /** The settings this pipeline was built with. */
    public TransportSettings settings() {
        return settings;
    }

    /** One logical call and its attempts. */
    private final class Call {
        private final ApiRequest request;
        private final RetryPolicy policy = settings.retryPolicy();
        private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        private final List<String> earlierFailures = new ArrayList<>();
        private final long deadline;
        private volatile CompletableFuture<HttpResponse<String>> inFlight;
        private int attempt;

        Call(ApiRequest request) {
            this.request = request;
            this.deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        }

        void start() {
            Future<?> timer = watchdog.schedule(this::totalTimeoutFired, settings.totalTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
            result.whenComplete((response, failure) -> {
                timer.cancel(false);
                if (result.isCancelled() && inFlight != null) {
                    inFlight.cancel(true);
                }
            });
            sendAttempt();
        }

        private void sendAttempt() {
            if (result.isDone()) {
                return;
            }
            attempt++;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                fail(totalTimeout(null));
                return;
            }
            Duration timeout = settings.attemptTimeout();
            boolean clippedByDeadline = remaining < timeout.toNanos();
            if (clippedByDeadline) {
                timeout = Duration.ofNanos(remaining);
            }
            long started = System.nanoTime();
            boolean clipped = clippedByDeadline;
            try {
                inFlight = settings.httpClient().sendAsync(httpRequest(timeout), HttpResponse.BodyHandlers.ofString());
            } catch (RuntimeException e) {
                fail(new KonnectTransportException(request.describe() + " could not be sent: " + e.getMessage(), e));
                return;
            }
            inFlight.whenComplete((response, failure) -> {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (failure != null) {
                    onFailure(Futures.unwrap(failure), clipped, millis);
                } else {
                    onResponse(new ApiResponse(request, response.statusCode(), response.headers(), response.body()),
                            millis);
                }
            });
        }

        private HttpRequest httpRequest(Duration timeout) {
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

        private void onResponse(ApiResponse response, long millis) {
            int status = response.status();
            if (status < 400) {
                logAttempt(String.valueOf(status), millis, null);
                traceBodies(response);
                result.complete(response);
                return;
            }
            KonnectApiException error = ErrorDecoder.decode(response, settings.clock()::instant);
            traceBodies(response);
            boolean retryable = status == 429 || (request.idempotent() && policy.retryableStatuses().contains(status));
            Duration serverWait = retryable
                    ? RetryAfter.parse(response.headers(), settings.clock()::instant).orElse(null) : null;
            retryOrFail(error, retryable, serverWait, String.valueOf(status), millis);
        }

        private void onFailure(Throwable failure, boolean clippedByDeadline, long millis) {
            if (result.isDone()) {
                return;
            }
            KonnectTransportException error = transportError(failure, clippedByDeadline);
            boolean retryable = policy.retryIoFailures() && failure instanceof IOException
                    && !(error instanceof KonnectTimeoutException
                        && ((KonnectTimeoutException) error).timeout() == Timeout.TOTAL)
                    && (request.idempotent() || neverReachedServer(failure));
            retryOrFail(error, retryable, null, failure.getClass().getSimpleName(), millis);
        }

        private void retryOrFail(KonnectException error, boolean retryable, Duration serverWait, String outcome,
                                 long millis) {
            if (!retryable || attempt >= policy.maxAttempts()) {
                logAttempt(outcome, millis, null);
                fail(error);
                return;
            }
            Duration wait = serverWait != null ? min(serverWait, policy.maxBackoff()) : jitteredBackoff();
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                logAttempt(outcome, millis, null);
                fail(error);
                return;
            }
            logAttempt(outcome, millis, wait);
            earlierFailures.add(error.getMessage());
            settings.delayer().after(wait).whenComplete((ignored, delayFailure) -> {
                if (delayFailure != null) {
                    fail(error);
                } else {
                    sendAttempt();
                }
            });
        }

        /** Full jitter: uniform in [0, min(max, initial * 2^(attempt-1))]. */
        private Duration jitteredBackoff() {
            long initial = policy.initialBackoff().toMillis();
            long cap = policy.maxBackoff().toMillis();
            long ceiling = attempt - 1 >= 62 ? cap : Math.min(cap, initial << Math.min(attempt - 1, 30));
            return Duration.ofMillis((long) (settings.random().getAsDouble() * ceiling));
        }

        private KonnectTransportException transportError(Throwable failure, boolean clippedByDeadline) {
            if (failure instanceof HttpConnectTimeoutException) {
                return new KonnectTimeoutException(request.describe(), Timeout.CONNECT, settings.connectTimeout(),
                        failure);
            }
            if (failure instanceof HttpTimeoutException) {
                return clippedByDeadline ? totalTimeout(failure)
                        : new KonnectTimeoutException(request.describe(), Timeout.ATTEMPT, settings.attemptTimeout(),
                        failure);
            }
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return new KonnectTransportException(request.describe() + " failed: " + reason, failure);
        }

        private KonnectTimeoutException totalTimeout(Throwable cause) {
            return new KonnectTimeoutException(request.describe(), Timeout.TOTAL, settings.totalTimeout(), cause);
        }

        private void totalTimeoutFired() {
            if (!result.isDone()) {
                fail(totalTimeout(null));
                CompletableFuture<HttpResponse<String>> pending = inFlight;
                if (pending != null) {
                    pending.cancel(true);
                }
            }
        }

        private void fail(KonnectException error) {
            if (attempt > 1) {
                error.withAttempts(attempt, earlierFailures);
            }
            result.completeExceptionally(error);
        }

        private void logAttempt(String outcome, long millis, Duration retryIn) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} (attempt {}/{}, {} ms){}", request.describe(), outcome, attempt,
                        policy.maxAttempts(), millis, retryIn == null ? "" : ", retrying in " + retryIn.toMillis()
                                + " ms");
            }
        }

        private void traceBodies(ApiResponse response) {
            if (LOG.isTraceEnabled()) {
                if (request.body() != null) {
                    LOG.trace("{} request body: {}", request.describe(),
                            shorten(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)));
                }
                LOG.trace("{} response body: {}", request.describe(), shorten(response.body()));
            }
        }
    }

    /**
     * A refused connection or a connect timeout means the request never left: safe to resend even a POST.
     */
    private static boolean neverReachedServer(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String shorten(String text) {
        return text.length() <= TRACE_BODY_LIMIT ? text
                : text.substring(0, TRACE_BODY_LIMIT) + "... (" + text.length() + " chars)";
    }
}
