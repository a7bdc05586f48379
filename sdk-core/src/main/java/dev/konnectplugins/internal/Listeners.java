package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's {@link KonnectListener}s, called in order; one that throws is logged and skipped, so that it never
 * breaks the call. The pipeline holds null instead of an empty instance: no listener, no cost.
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger("dev.konnectplugins.http");

    private final List<KonnectListener> listeners;

    private Listeners(List<KonnectListener> listeners) {
        this.listeners = listeners;
    }

    /** {@return the listeners, or null when there is none} */
    public static Listeners of(List<KonnectListener> listeners) {
        return listeners.isEmpty() ? null : new Listeners(List.copyOf(listeners));
    }

    void attemptStarted(ApiRequest request, int attempt) {
        each("attemptStarted", listener -> listener.attemptStarted(request.method(), request.path(), attempt));
    }

    void responseReceived(ApiResponse response, int attempt, long startedNanos) {
        ApiRequest request = response.request();
        Duration duration = since(startedNanos);
        each("responseReceived", listener -> listener.responseReceived(request.method(), request.path(), attempt,
                response.status(), duration, response.bytes().length));
    }

    void attemptFailed(ApiRequest request, int attempt, long startedNanos, KonnectException failure) {
        Duration duration = since(startedNanos);
        each("attemptFailed", listener -> listener.attemptFailed(request.method(), request.path(), attempt, duration,
                failure));
    }

    void retryScheduled(ApiRequest request, int attempt, Duration delay, String reason) {
        each("retryScheduled", listener -> listener.retryScheduled(request.method(), request.path(), attempt, delay,
                reason));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void each(String event, Consumer<KonnectListener> call) {
        for (KonnectListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                // Only the types: the listener's message is its own text and may quote anything it holds.
                LOG.warn("KonnectListener {} threw {} in {}; the call goes on", listener.getClass().getName(),
                        failure.getClass().getName(), event);
            }
        }
    }
}
