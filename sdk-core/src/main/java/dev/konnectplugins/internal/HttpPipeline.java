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
import java.util.concurrent.CompletableFuture;
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
 * ({@link #async}). Nothing is allocated for failures that do not happen.
 */
public final class HttpPipeline {
    private final TransportSettings settings;
    private final Executor executor;
    private final Transport transport;
    private final CallRegistry calls = new CallRegistry();

    /**
     * @param settings fixed configuration
     * @param executor runs async calls; owned by the client
     */
    public HttpPipeline(TransportSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
        this.transport = new Transport(settings);
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
        AsyncCall<T> call = new AsyncCall<>(work);
        try {
            executor.execute(call);
        } catch (RejectedExecutionException e) {
            call.completeExceptionally(new KonnectTransportException(calls.closed()
                    ? "This Konnect client is closed: the call was not made"
                    : "The executor refused the call (a full queue, or it was shut down)", e));
        }
        return call;
    }

    /**
     * Refuses further calls and fails the calls still running with a {@link KonnectTransportException}, so that
     * nobody waits forever on a client whose threads are about to stop.
     */
    public void close() {
        calls.close();
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
                boolean clippedByDeadline = remaining < settings.attemptTimeout().toNanos();
                Duration timeout = clippedByDeadline ? Duration.ofNanos(remaining) : settings.attemptTimeout();
                long started = System.nanoTime();
                Failure error;
                Optional<Duration> retryIn;
                String outcome;
                try {
                    ApiResponse response = transport.send(request, timeout);
                    AttemptLog.bodies(response);
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
                    retryIn = isTotalTimeout(failure, clippedByDeadline) ? Optional.empty()
                            : policy.retryDelay(request.method(), failure, attempt, settings.random().getAsDouble());
                } catch (KonnectTransportException unretryable) {
                    AttemptLog.attempt(request, "refused", attempt, policy.maxAttempts(), started, null);
                    throw failed((attempts, earlier) -> new KonnectTransportException(unretryable.getMessage(),
                            unretryable.getCause(), attempts, earlier));
                } catch (InterruptedException e) {
                    throw interrupted(e);
                }
                if (retryIn.isEmpty() || System.nanoTime() + retryIn.get().toNanos() >= deadline) {
                    AttemptLog.attempt(request, outcome, attempt, policy.maxAttempts(), started, null);
                    throw failed(error);
                }
                AttemptLog.attempt(request, outcome, attempt, policy.maxAttempts(), started, retryIn.get());
                if (earlierFailures == null) {
                    earlierFailures = new ArrayList<>(policy.maxAttempts());
                }
                // The attempt's own message, without the history a final exception adds to it.
                earlierFailures.add(error.create(attempt, List.of()).getMessage());
                backOff(retryIn.get(), error);
            }
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
