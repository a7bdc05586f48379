package dev.konnectplugins.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens a file of hostile content without letting the open block its caller. Opening a FIFO for reading waits until
 * a writer comes, and a FIFO may be swapped in between the check that refuses one and the open; so the open runs on
 * a daemon thread and is waited for at most {@link #TIMEOUT_MILLIS}. One place for {@link ContainedFiles} (reading
 * plugins) and sdk-sync's pull target (reading the files a pull would replace).
 *
 * <p>The daemon threads are pooled: starting and ending a thread for each open cost more CPU than the open itself
 * (a folder of 100 plugins opens 200 files). A thread stuck in an open stays busy, so the pool starts another for
 * the next open; idle threads end after {@link #IDLE_SECONDS}, or at once when interrupted ({@link DaemonThreads}).
 */
public final class TimedOpen {
    /** How long an open may take before it is given up as blocking (a FIFO without a writer). */
    public static final long TIMEOUT_MILLIS = 5_000;
    private static final long IDLE_SECONDS = 10;
    private static final ExecutorService OPENERS = DaemonThreads.pool("konnect-plugins-open", 0, IDLE_SECONDS);

    /** Something that opens a channel and may block. */
    @FunctionalInterface
    public interface Opener {
        /** Opens the channel. */
        SeekableByteChannel open() throws IOException;
    }

    /**
     * Thrown when the open did not finish within {@link #TIMEOUT_MILLIS}. Its thread may still be inside whatever
     * it opened through (a directory stream), which the caller must then leave open rather than wait for it.
     */
    public static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        private TimedOut() {
            super("the open did not finish within " + TIMEOUT_MILLIS / 1000 + " s");
        }
    }

    private TimedOpen() {
    }

    /**
     * Opens with {@code reader} on a daemon thread and waits at most {@link #TIMEOUT_MILLIS}. A channel that opens
     * later is closed by that thread. On a timeout, {@code releaser} (an open of the same entry for writing) is tried
     * once, on a daemon thread of its own, to let a stuck FIFO open go on and end.
     *
     * @throws TimedOut when the open did not finish in time
     * @throws IOException what the open threw
     */
    public static SeekableByteChannel open(Opener reader, Opener releaser) throws IOException {
        AtomicReference<Object> result = new AtomicReference<>();
        Object abandoned = new Object();
        Future<?> opening = OPENERS.submit(() -> {
            Object outcome;
            try {
                outcome = reader.open();
            } catch (IOException | RuntimeException e) {
                outcome = e;
            }
            if (!result.compareAndSet(null, outcome) && outcome instanceof SeekableByteChannel late) {
                closeQuietly(late);
            }
        });
        await(opening);
        if (result.compareAndSet(null, abandoned)) {
            release(releaser);
            throw new TimedOut();
        }
        Object outcome = result.get();
        if (outcome instanceof IOException e) {
            throw e;
        }
        if (outcome instanceof RuntimeException e) {
            throw e;
        }
        return (SeekableByteChannel) outcome;
    }

    /** Waits for the open at most {@link #TIMEOUT_MILLIS}; what it left in the result tells what happened. */
    private static void await(Future<?> opening) throws IOException {
        try {
            opening.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // The result stays empty: the caller gives the open up.
        } catch (ExecutionException e) {
            throw new IOException("the open failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Opening a FIFO for reading waits for a writer: opening it for writing (and closing it at once, writing
     * nothing) lets the stuck thread go on, close what it opened and end. Tried once, on a daemon thread of its own,
     * since it may block too (when the entry changed again).
     */
    private static void release(Opener writer) {
        Thread thread = new Thread(() -> {
            try {
                writer.open().close();
            } catch (IOException | RuntimeException ignored) {
                // Gone or changed: the stuck thread stays a daemon, waiting.
            }
        }, "konnect-plugins-open-release");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nobody reads it: it was opened after its reader gave up.
        }
    }
}
