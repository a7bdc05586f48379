package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectTimeoutException.Timeout;
import dev.konnectplugins.KonnectTimeoutException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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
    private final ScheduledExecutorService timers;
    private final Set<Call> liveCalls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param settings fixed configuration
     * @param timers   runs backoff waits and timeout watchdogs; owned by the client
     */
    public HttpPipeline(TransportSettings settings, ScheduledExecutorService timers) {
        this.settings = settings;
        this.timers = timers;
    }

    /**
     * Sends the request and completes with a 2xx answer, or fails with a {@link KonnectException}. Cancelling the
     * returned future stops the call: no further attempt is made.
     */
    public CompletableFuture<ApiResponse> send(ApiRequest request) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new KonnectTransportException(
                    request.describe() + " was not sent: this Konnect client is closed", null));
        }
        Call call = new Call(request);
        call.start();
        return call.result;
    }

    /**
     * Sends the request and reads the answer with {@code reader}; cancelling the result stops the call too.
     */
    public <T> CompletableFuture<T> send(ApiRequest request, Function<ApiResponse, ? extends T> reader) {
        return Futures.map(send(request), reader);
    }

    /**
     * Refuses further calls and fails the calls still running with a {@link KonnectTransportException}, so that
     * nobody waits forever on a client whose threads are about to stop.
     */
    public void close() {
        closed.set(true);
        for (Call call : liveCalls) {
            call.abandon();
        }
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
        private final List<String> earlierFailures = new CopyOnWriteArrayList<>();
        private final long deadline;
        private volatile CompletableFuture<HttpResponse<String>> inFlight;
        private volatile int attempt;

        Call(ApiRequest request) {
            this.request = request;
            this.deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        }

        void start() {
            liveCalls.add(this);
            Future<?> totalWatchdog = schedule(this::totalTimeoutFired, settings.totalTimeout());
            result.whenComplete((response, failure) -> {
                liveCalls.remove(this);
                if (totalWatchdog != null) {
                    totalWatchdog.cancel(false);
                }
                CompletableFuture<HttpResponse<String>> pending = inFlight;
                if (result.isCancelled() && pending != null) {
                    pending.cancel(true);
                }
            });
            // A close() that raced with this call's registration may have missed it.
            if (closed.get()) {
                abandon();
            } else if (totalWatchdog != null) {
                sendAttempt();
            }
        }

        void abandon() {
            fail(new KonnectTransportException(request.describe() + " was abandoned: the Konnect client was closed",
                    null, attempt, earlierFailures));
            cancelInFlight();
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
            boolean clippedByDeadline = remaining < settings.attemptTimeout().toNanos();
            Duration timeout = clippedByDeadline ? Duration.ofNanos(remaining) : settings.attemptTimeout();
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> sent;
            try {
                sent = settings.httpClient().sendAsync(httpRequest(timeout), HttpResponse.BodyHandlers.ofString());
            } catch (RuntimeException e) {
                // The JDK's message may quote header values, the token among them: name only the failure's type.
                fail(new KonnectTransportException(request.describe() + " could not be sent ("
                        + e.getClass().getSimpleName() + ")", null, attempt, earlierFailures));
                return;
            }
            inFlight = sent;
            AtomicBoolean settled = new AtomicBoolean();
            // HttpRequest.timeout stops at the response headers; this also bounds a body that stalls.
            Future<?> attemptWatchdog = schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    sent.cancel(true);
                    onFailure(new HttpTimeoutException("request timed out"), clippedByDeadline, elapsedMillis(started));
                }
            }, timeout);
            sent.whenComplete((response, failure) -> {
                if (!settled.compareAndSet(false, true)) {
                    return;
                }
                if (attemptWatchdog != null) {
                    attemptWatchdog.cancel(false);
                }
                if (failure != null) {
                    onFailure(Futures.unwrap(failure), clippedByDeadline, elapsedMillis(started));
                } else {
                    onResponse(new ApiResponse(request, response.statusCode(), response.headers(), response.body()),
                            elapsedMillis(started));
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
            if (result.isDone()) {
                return;
            }
            int status = response.status();
            // Redirects are not followed, so a 3xx is not the answer asked for: report it like an error.
            if (status < 300) {
                logAttempt(String.valueOf(status), millis, null);
                traceBodies(response);
                result.complete(response);
                return;
            }
            KonnectApiException error = ErrorDecoder.decode(response, settings.clock()::instant, attempt,
                    earlierFailures);
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
            CompletableFuture<Void> waited;
            try {
                waited = settings.delayer().after(wait);
            } catch (RejectedExecutionException e) {
                abandon();
                return;
            }
            waited.whenComplete((ignored, delayFailure) -> {
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
            long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 30));
            return Duration.ofMillis((long) (settings.random().getAsDouble() * ceiling));
        }

        private KonnectTransportException transportError(Throwable failure, boolean clippedByDeadline) {
            if (failure instanceof HttpConnectTimeoutException) {
                return new KonnectTimeoutException(request.describe(), Timeout.CONNECT, settings.connectTimeout(),
                        failure, attempt, earlierFailures);
            }
            if (failure instanceof HttpTimeoutException) {
                return clippedByDeadline ? totalTimeout(failure)
                        : new KonnectTimeoutException(request.describe(), Timeout.ATTEMPT, settings.attemptTimeout(),
                        failure, attempt, earlierFailures);
            }
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return new KonnectTransportException(request.describe() + " failed: " + reason, failure, attempt,
                    earlierFailures);
        }

        private KonnectTimeoutException totalTimeout(Throwable cause) {
            return new KonnectTimeoutException(request.describe(), Timeout.TOTAL, settings.totalTimeout(), cause,
                    attempt, earlierFailures);
        }

        private void totalTimeoutFired() {
            if (!result.isDone()) {
                fail(totalTimeout(null));
                cancelInFlight();
            }
        }

        private void cancelInFlight() {
            CompletableFuture<HttpResponse<String>> pending = inFlight;
            if (pending != null) {
                pending.cancel(true);
            }
        }

        private void fail(KonnectException error) {
            if (!result.isDone()) {
                result.completeExceptionally(error);
            }
        }

        /** Schedules on the client's timer; null (and the call failed) when the client is closing. */
        private Future<?> schedule(Runnable task, Duration delay) {
            try {
                return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                abandon();
                return null;
            }
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
                            shorten(new String(request.body(), StandardCharsets.UTF_8)));
                }
                LOG.trace("{} response body: {}", request.describe(), shorten(response.body()));
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
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
