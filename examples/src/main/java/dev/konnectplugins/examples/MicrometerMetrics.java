package dev.konnectplugins.examples;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Feeds every call the client makes to Micrometer through a {@link KonnectListener}: a timer per method and status,
 * and counters of retries and of attempts that got no answer.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.konnectplugins.examples.MicrometerMetrics
 * </pre>
 *
 * It lists the control plane's custom plugins twice and prints the meters (a {@link SimpleMeterRegistry} here; in an
 * application, the registry it already publishes).
 */
public final class MicrometerMetrics {
    private MicrometerMetrics() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, MicrometerMetrics::run);
    }

    static void run(ExampleKonnect connection, PrintStream out, String[] args) {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Konnect konnect = connection.builder().listener(new KonnectMetrics(registry)).build()) {
            for (int i = 0; i < 2; i++) {
                konnect.controlPlane(connection.controlPlane().id()).customPlugins().list().stream()
                        .count();
            }
        }
        registry.getMeters().forEach(meter -> meter.measure().forEach(measurement -> out.println(
                meter.getId().getName() + " " + meter.getId().getTags() + " " + measurement.getStatistic() + " = "
                        + measurement.getValue())));
    }

    /**
     * The listener: the path is left out of the tags on purpose, as it holds ids and would make a meter per plugin.
     */
    public static final class KonnectMetrics implements KonnectListener {
        private final MeterRegistry registry;

        /** @param registry where the meters go */
        public KonnectMetrics(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void responseReceived(String method, String path, int attempt, int status, Duration duration,
                                     long responseBytes) {
            Timer.builder("konnect.requests").tag("method", method).tag("status", String.valueOf(status))
                    .register(registry).record(duration);
        }

        @Override
        public void attemptFailed(String method, String path, int attempt, Duration duration,
                                  KonnectException failure) {
            Timer.builder("konnect.requests").tag("method", method).tag("status", "none")
                    .register(registry).record(duration);
        }

        @Override
        public void retryScheduled(String method, String path, int attempt, Duration delay, String reason) {
            registry.counter("konnect.retries", "method", method, "reason", reason).increment();
        }
    }
}
