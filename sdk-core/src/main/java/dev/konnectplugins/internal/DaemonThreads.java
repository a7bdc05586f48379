package dev.konnectplugins.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pools of daemon threads for work that must not hold up its caller or the JVM: each task gets a waiting thread or a
 * new one (there is no queue and no bound; callers bound their own work), and a thread ends after some idle time, or
 * at once when interrupted while idle. {@code mvn exec:java} interrupts the threads a program leaves and waits up to
 * 15 s for each to end; a plain pool's idle threads would ignore that and keep it waiting.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /**
     * A pool of daemon threads named {@code name}, each with a stack of {@code stackBytes} (0: the JVM's default),
     * ending after {@code idleSeconds} without work.
     */
    public static ExecutorService pool(String name, long stackBytes, long idleSeconds) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, idleSeconds, TimeUnit.SECONDS, new HandOff(), task -> {
            Thread thread = new Thread(null, task, name, stackBytes);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A hand-off to a waiting thread, whose idle wait ends on an interrupt as on its timeout: the pool then ends that
     * thread, where a plain SynchronousQueue's pool would wait again for the rest of its idle time.
     */
    private static final class HandOff extends SynchronousQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable poll(long timeout, TimeUnit unit) {
            try {
                return super.poll(timeout, unit);
            } catch (InterruptedException e) {
                return null;
            }
        }
    }
}
