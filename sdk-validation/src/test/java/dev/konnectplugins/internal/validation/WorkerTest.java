package dev.konnectplugins.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.internal.validation.sandbox.Limit;
import dev.konnectplugins.internal.validation.sandbox.LimitExceeded;
import dev.konnectplugins.internal.validation.sandbox.Watchdog;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17, item 1: the caller of a validation waits until the deadline, not longer, and the abandoned validation
 * stops at its next budget check instead of burning a processor forever.
 */
class WorkerTest {
    @Test
    @Timeout(30)
    void aTaskPastItsDeadlineIsAbandonedAndStopsAtItsNextCheck() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
        assertThatThrownBy(() -> Worker.call(() -> {
            try {
                while (true) {
                    Watchdog.charge(0); // a rule check on plugin data, which never ends by itself
                    Thread.onSpinWait();
                }
            } catch (LimitExceeded e) {
                stoppedBy.set(e);
                throw e;
            } finally {
                ended.countDown();
            }
        }, 200, 100)).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.limit()).isEqualTo(Limit.WALL_CLOCK));
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the abandoned task ended").isTrue();
        assertThat(stoppedBy.get()).isInstanceOf(LimitExceeded.class);
    }

    @Test
    @Timeout(30)
    void theCallerReturnsAtTheDeadlineEvenFromATaskThatChecksNothing() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Worker.call(() -> {
            release.await(); // blocked where no budget is read
            return null;
        }, 200, 100)).isInstanceOf(LimitExceeded.class).hasMessageContaining("wall-clock limit");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        release.countDown();
    }

    @Test
    @Timeout(30)
    void threadsAreReusedAndAnInterruptLeftByATaskIsNotPassedOn() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Boolean> interruptedAtStart = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            Worker.call(() -> {
                threads.add(Thread.currentThread());
                interruptedAtStart.add(Thread.currentThread().isInterrupted());
                Thread.currentThread().interrupt(); // as a coroutine's close does when interrupted
                return null;
            }, 10_000, 100);
        }
        assertThat(interruptedAtStart).hasSize(20).containsOnly(false);
        // A thread that has just ended its task may not be waiting for the next yet, so a few may start.
        assertThat(threads).as("threads taken from the pool").hasSizeLessThan(10);
    }

    @Test
    void aTaskWithinItsDeadlineGivesItsResult() {
        assertThat(Worker.call(() -> "done", 10_000, 100)).isEqualTo("done");
    }
}
