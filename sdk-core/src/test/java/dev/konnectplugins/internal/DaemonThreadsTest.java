package dev.konnectplugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    private final ExecutorService pool = DaemonThreads.pool("test-pool", 0, 10);

    @Test
    void runsOnNamedDaemonThreadsAndReusesAnIdleOne() throws Exception {
        Thread first = CompletableFuture.supplyAsync(Thread::currentThread, pool).get(5, TimeUnit.SECONDS);
        awaitIdle(first);
        Thread second = CompletableFuture.supplyAsync(Thread::currentThread, pool).get(5, TimeUnit.SECONDS);

        assertThat(first.getName()).isEqualTo("test-pool");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second).as("the idle thread took the next task").isSameAs(first);
    }

    @Test
    void anInterruptedIdleThreadEnds() throws Exception {
        Thread idle = CompletableFuture.supplyAsync(Thread::currentThread, pool).get(5, TimeUnit.SECONDS);
        awaitIdle(idle);

        idle.interrupt();
        idle.join(5_000);
        assertThat(idle.isAlive()).as("an idle thread, interrupted as mvn exec:java does at exit").isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> "ran", pool).get(5, TimeUnit.SECONDS))
                .as("the pool still runs tasks after its thread ended").isEqualTo("ran");
    }

    /** Waits until {@code thread} has gone back to waiting for work. */
    private static void awaitIdle(Thread thread) throws InterruptedException {
        for (int i = 0; i < 500 && thread.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}
