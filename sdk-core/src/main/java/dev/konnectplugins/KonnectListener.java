package dev.konnectplugins;

import java.time.Duration;

/**
 * Sees every attempt the client makes, for metrics, tracing or audit logs: register one or more with
 * {@link Konnect.Builder#listener(KonnectListener)}. Every method does nothing by default; override the events you
 * need.
 *
 * <p>Events come per attempt, not per call: a call retried twice reports three {@link #attemptStarted}, each
 * followed by {@link #responseReceived} (Konnect answered, whatever the status) or {@link #attemptFailed} (no
 * answer), and a {@link #retryScheduled} before each retry. Blocking and async calls report the same events, on the
 * thread that runs the call (the caller's thread, or the client's executor for async calls), so a listener shared by
 * several threads must be thread-safe, and should be quick: the call waits for it.
 *
 * <p>A listener that throws does not break the call: the exception is logged (SLF4J logger
 * {@code dev.konnectplugins.http}, WARN) and the call goes on. No event carries the token or a request header. The
 * {@code path} is the one sent, query included (for example
 * {@code /v2/control-planes/0b3e.../core-entities/custom-plugins?page%5Bsize%5D=100}): it names control planes and
 * plugins, so do not use it as a metric tag without reducing it.
 */
public interface KonnectListener {
    /**
     * An attempt is about to be sent.
     *
     * @param method  the HTTP method, such as {@code GET}
     * @param path    the path and query sent under the base URL
     * @param attempt the attempt's number, 1 for the first
     */
    default void attemptStarted(String method, String path, int attempt) {
    }

    /**
     * Konnect answered the attempt, with any status: a 2xx, an error, or a 429 that will be retried.
     *
     * @param method        the HTTP method
     * @param path          the path and query sent
     * @param attempt       the attempt's number, 1 for the first
     * @param status        the HTTP status
     * @param duration      from sending the request to reading the whole answer
     * @param responseBytes the size of the answer's body, in bytes
     */
    default void responseReceived(String method, String path, int attempt, int status, Duration duration,
                                  long responseBytes) {
    }

    /**
     * The attempt got no answer: a timeout, a refused or broken connection, an answer too large or from another
     * host, or the call was interrupted.
     *
     * @param method   the HTTP method
     * @param path     the path and query sent
     * @param attempt  the attempt's number, 1 for the first
     * @param duration from sending the request to the failure
     * @param failure  what went wrong, as the call would report it (its message never holds the token); it may be
     *                 retried, see {@link #retryScheduled}
     */
    default void attemptFailed(String method, String path, int attempt, Duration duration,
                               KonnectException failure) {
    }

    /**
     * The attempt that just ended will be retried after {@code delay}, as the {@link RetryPolicy} decided (a
     * {@code Retry-After} header included).
     *
     * @param method  the HTTP method
     * @param path    the path and query sent
     * @param attempt the number of the attempt that failed; the next one is {@code attempt + 1}
     * @param delay   how long the client waits before the next attempt
     * @param reason  why: the HTTP status answered (such as {@code 429}), or the simple name of the exception when
     *                no answer came (such as {@code HttpTimeoutException})
     */
    default void retryScheduled(String method, String path, int attempt, Duration delay, String reason) {
    }
}
