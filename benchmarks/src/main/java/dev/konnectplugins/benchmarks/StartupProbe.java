package dev.konnectplugins.benchmarks;

import java.net.URI;

/**
 * One get in a fresh JVM, for the start-up comparison ({@code benchmarks/startup.sh} times whole JVM runs):
 * {@code java -cp benchmarks.jar dev.konnectplugins.benchmarks.StartupProbe sdk|raw BASE_URL}.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        try (BenchmarkedClient client = BenchmarkedClient.of(args[0], URI.create(args[1]))) {
            if (client.get() == null) {
                throw new IllegalStateException("no plugin");
            }
        }
    }
}
