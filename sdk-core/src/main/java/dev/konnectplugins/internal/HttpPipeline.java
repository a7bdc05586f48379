package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectTimeoutException;
import dev.konnectplugins.KonnectTimeoutException.Timeout;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a request to Konnect, in stages: {@link CallRegistry} (close() ends running calls), the retry loop here
 * (total timeout, the {@link RetryPolicy}'s decision, backoff), {@link Transport} (one attempt: headers, attempt
 * timeout, bounded body), {@link ErrorDecoder} (error answers to exceptions) and {@link AttemptLog}.
 *
 * <p>A call blocks the thread that makes it and does not hop threads: blocking API calls run on the caller's
 * thread, whose Jackson buffers stay warm; async calls run the same code on the client's executor
 * ({@link #async}). Nothing is allocated for failures that do not happen, nor for listeners and a rate limit
 * that are not configured (both are null then, checked once per attempt).
 */
public final class HttpPipeline {
    private final TransportSettings settings;
    private final Executor executor;
    private final Transport transport;
    private final CallRegistry calls = new CallRegistry();
    /** Null when no listener is registered. */
    private final Listeners listeners;
    /** Null when the rate is not limited. */
    private final RateLimiter limiter;
    /** Async calls waiting for their rate-limit slot before they take a thread; close() fails them. */
    private final Set<AsyncCall<?>> waitingForSlot = ConcurrentHashMap.newKeySet();
    /** Set on an executor thread whose async call's first request already has its rate-limit slot. */
    private final ThreadLocal<Boolean> slotReserved = new ThreadLocal<>();

    /**
     * @param settings  fixed configuration
     * @param executor  runs async calls; owned by the client
     * @param listeners told of every attempt, or null
     * @param limiter   the client-wide request rate, or null for none
     */
    public HttpPipeline(TransportSettings settings, Executor executor, Listeners listeners, RateLimiter limiter) {
        this.settings = settings;
        this.executor = executor;
        this.transport = new Transport(settings);
        this.listeners = listeners;
        this.limiter = limiter;
    }

    /**
     * Sends the request on the calling thread and reads a 2xx answer with {@code reader}.
     *
     * @throws KonnectException      when Konnect answers an error, or no answer comes, after the retries allowed
     */
    public <T> T call(ApiRequest request, Function<ApiResponse, ? extends T> reader) {
        CallRegistry.Registration registration = calls.enter(request);
        try {
            return reader.apply(new Attempts(request, registration).run());
        } finally {
            registration.leave();
        }
    }

    /**
     * Runs blocking SDK work on the client's executor; the future completes on that thread. Cancelling it stops the
     * work, its retries included.
     */
    public <T> CompletableFuture<T> async(Supplier<? extends T> work) {
        if (calls.closed()) {
            return CompletableFuture.failedFuture(new KonnectTransportException("This Konnect client is closed: the call was not made", null));
        }
        if (limiter == null) {
            AsyncCall<T> call = new AsyncCall<>(work);
            submit(call);
            return call;
        }
        AsyncCall<T> call = new AsyncCall<>(() -> {
            slotReserved.set(Boolean.TRUE);
            try {
                return work.get();
            } finally {
                slotReserved.remove();
            }
        });
        Duration wait = limiter.reserve();
        if (wait.isZero()) {
            submit(call);
        } else {
            submitAfter(wait, call);
        }
        return call;
    }

    /**
     * Starts the call once its rate-limit slot comes, on the timer: no executor thread is held while it waits.
     */
    private void submitAfter(Duration wait, AsyncCall<?> call) {
        waitingForSlot.add(call);
        CompletableFuture<Void> slot;
        try {
            slot = settings.delayer().after(wait);
        } catch (RejectedExecutionException e) {
            slot = CompletableFuture.failedFuture(e);
        }
        slot.whenComplete((ignored, failure) -> {
            waitingForSlot.remove(call);
            if (failure != null || calls.closed()) {
                call.completeExceptionally(closedBeforeStart());
            } else {
                submit(call);
            }
        });
    }

    private void submit(AsyncCall<?> call) {
        try {
            executor.execute(call);
        } catch (RejectedExecutionException e) {
            call.completeExceptionally(new KonnectTransportException(calls.closed()
                    ? "This Konnect client is closed: the call was not made"
                    : "The executor refused the call (a full queue, or it was shut down)", e));
        }
    }

    private static KonnectTransportException closedBeforeStart() {
        return new KonnectTransportException("This Konnect client is closed: the call was not made", null);
    }

    /**
     * Refuses further calls and fails the calls still running with a {@link KonnectTransportException}, so that
     * nobody waits forever on a client whose threads are about to stop.
     */
    public void close() {
        calls.close();
        for (AsyncCall<?> call : waitingForSlot) {
            call.completeExceptionally(closedBeforeStart());
        }
    }

    /** {@return the client-wide cap in requests per second, empty when there is none} */
    public Optional<Double> rateLimit() {
        return limiter == null ? Optional.empty() : Optional.of(limiter.requestsPerSecond());
    }

    /** The settings this pipeline was built with. */
    public TransportSettings settings() {
        return settings;
    }

    /** The attempts of one call: the retry loop. */
    private final class Attempts {
        private final ApiRequest request;
        private final CallRegistry.Registration registration;
        private final RetryPolicy policy = settings.retryPolicy();
        private final long deadline;
        private int attempt;
        /** Allocated on the first retry only. */
        private List<String> earlierFailures;

        Attempts(ApiRequest request, CallRegistry.Registration registration) {
            this.request = request;
            this.registration = registration;
            this.deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        }

        ApiResponse run() {
            while (true) {
                attempt++;
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw failed(totalTimeout(null));
                }
                if (limiter != null) {
                    remaining = awaitSlot(remaining);
                    if (remaining <= 0) {
                        throw failed(totalTimeout(null));
                    }
                }
                if (listeners != null) {
                    listeners.attemptStarted(request, attempt);
                }
                boolean clippedByDeadline = remaining < settings.attemptTimeout().toNanos();
                Duration timeout = clippedByDeadline ? Duration.ofNanos(remaining) : settings.attemptTimeout();
                long started = System.nanoTime();
                Failure error;
                Optional<Duration> retryIn;
                String outcome;
                try {
                    ApiResponse response = transport.send(request, timeout);
                    AttemptLog.bodies(response);
                    if (listeners != null) {
                        listeners.responseReceived(response, attempt, started);
                    }
                    outcome = String.valueOf(response.status());
                    // Redirects are not followed, so a 3xx is not the answer asked for: report it like an error.
                    if (response.status() < 300) {
                        AttemptLog.attempt(request, outcome, attempt, policy.maxAttempts(), started, null);
                        return response;
                    }
                    error = (attempts, earlier) -> ErrorDecoder.decode(response, settings.clock()::instant, attempts,
                            earlier);
                    Duration serverWait = RetryAfter.parse(response.headers(), settings.clock()::instant)
                            .orElse(null);
                    retryIn = policy.retryDelay(request.method(), response.status(), attempt, serverWait,
                            settings.random().getAsDouble());
                } catch (IOException failure) {
                    outcome = failure.getClass().getSimpleName();
                    error = transportError(failure, clippedByDeadline);
                    if (listeners != null) {
                        listeners.attemptFailed(request, attempt, started, error.create(attempt, List.of()));
                    }
                    retryIn = isTotalTimeout(failure, clippedByDeadline) ? Optional.empty()
                            : policy.retryDelay(request.method(), failure, attempt, settings.random().getAsDouble());
                } catch (KonnectTransportException unretryable) {
                    AttemptLog.attempt(request, "refused", attempt, policy.maxAttempts(), started, null);
                    KonnectException refused = failed((attempts, earlier) -> new KonnectTransportException(
                            unretryable.getMessage(), unretryable.getCause(), attempts, earlier));
                    if (listeners != null) {
                        listeners.attemptFailed(request, attempt, started, refused);
                    }
                    throw refused;
                } catch (InterruptedException e) {
                    KonnectException stopped = interrupted(e);
                    if (listeners != null) {
                        listeners.attemptFailed(request, attempt, started, stopped);
                    }
                    throw stopped;
                }
                if (retryIn.isEmpty() || System.nanoTime() + retryIn.get().toNanos() >= deadline) {
                    AttemptLog.attempt(request, outcome, attempt, policy.maxAttempts(), started, null);
                    throw failed(error);
                }
                AttemptLog.attempt(request, outcome, attempt, policy.maxAttempts(), started, retryIn.get());
                if (listeners != null) {
                    listeners.retryScheduled(request, attempt, retryIn.get(), outcome);
                }
                if (earlierFailures == null) {
                    earlierFailures = new ArrayList<>(policy.maxAttempts());
                }
                // The attempt's own message, without the history a final exception adds to it.
                earlierFailures.add(error.create(attempt, List.of()).getMessage());
                backOff(retryIn.get(), error);
            }
        }

        /**
         * Waits for this attempt's slot under the client-wide rate, unless an async call already waited for it
         * before it took a thread.
         *
         * @return the time left before the deadline
         */
        private long awaitSlot(long remaining) {
            if (slotReserved.get() != null) {
                slotReserved.remove();
                return remaining;
            }
            Duration wait = limiter.reserve();
            if (wait.isZero()) {
                return remaining;
            }
            if (wait.toNanos() >= remaining) {
                throw failed(totalTimeout(null));
            }
            backOff(wait, totalTimeout(null));
            return deadline - System.nanoTime();
        }

        private void backOff(Duration wait, Failure error) {
            try {
                settings.delayer().after(wait).get();
            } catch (InterruptedException e) {
                throw interrupted(e);
            } catch (ExecutionException | RejectedExecutionException e) {
                // The timer stopped: the client is closing.
                throw failed(error);
            }
        }

        private Failure transportError(IOException failure, boolean clippedByDeadline) {
            if (failure instanceof HttpConnectTimeoutException) {
                return (attempts, earlier) -> new KonnectTimeoutException(toHost(), Timeout.CONNECT,
                        settings.connectTimeout(), failure, attempts, earlier);
            }
            if (failure instanceof HttpTimeoutException) {
                return clippedByDeadline ? totalTimeout(failure)
                        : (attempts, earlier) -> new KonnectTimeoutException(toHost(), Timeout.ATTEMPT,
                        settings.attemptTimeout(), failure, attempts, earlier);
            }
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getClass().getSimpleName() + ": "
                    + ServerText.sanitize(settings.tokenRedaction().redact(failure.getMessage()),
                    ServerText.MESSAGE_LIMIT);
            // The host first, as the user can check it: never reached, or reached without a usable answer.
            String what = failure instanceof java.net.ConnectException
                    || failure instanceof java.net.UnknownHostException ? "could not reach " : "no usable answer from ";
            return (attempts, earlier) -> new KonnectTransportException(what + settings.baseUrl().getAuthority()
                    + ": " + reason + " (" + request.describe() + ")", failure, attempts, earlier);
        }

        /** The request and the host it went to, for the messages of failures where no answer came. */
        private String toHost() {
            return request.describe() + " to " + settings.baseUrl().getAuthority();
        }

        private Failure totalTimeout(Throwable cause) {
            return (attempts, earlier) -> new KonnectTimeoutException(toHost(), Timeout.TOTAL,
                    settings.totalTimeout(), cause, attempts, earlier);
        }

        /** A timeout clipped by the call's deadline is the total timeout: nothing is left to retry with. */
        private boolean isTotalTimeout(IOException failure, boolean clippedByDeadline) {
            return clippedByDeadline && failure instanceof HttpTimeoutException
                    && !(failure instanceof HttpConnectTimeoutException);
        }

        /** close() interrupted this call, or its caller did (a cancelled future, an interrupted thread). */
        private KonnectException interrupted(InterruptedException e) {
            if (registration.abandoned()) {
                return failed((attempts, earlier) -> new KonnectTransportException(request.describe()
                        + " was abandoned: the Konnect client was closed", null, attempts, earlier));
            }
            Thread.currentThread().interrupt();
            return failed((attempts, earlier) -> new KonnectTransportException(
                    "Interrupted while waiting for Konnect", e, attempts, earlier));
        }

        private KonnectException failed(Failure error) {
            return error.create(attempt, earlierFailures == null ? List.of() : earlierFailures);
        }
    }

    /**
     * How an attempt failed, made into its exception only once the attempt count and the earlier failures are
     * known: exceptions are immutable, and most failures are retried and never thrown.
     */
    @FunctionalInterface
    private interface Failure {
        KonnectException create(int attempts, List<String> earlierFailures);
    }
}
