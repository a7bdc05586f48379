package dev.konnectplugins.testsupport;

import dev.konnectplugins.internal.Delayer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each backoff the client asks for and continues at once, so retry tests never sleep. */
public final class RecordingDelayer implements Delayer {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> after(Duration wait) {
        waits.add(wait);
        return CompletableFuture.completedFuture(null);
    }

    public List<Duration> waits() {
        return List.copyOf(waits);
    }
}
