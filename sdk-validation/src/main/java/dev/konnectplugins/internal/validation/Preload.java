package dev.konnectplugins.internal.validation;

import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.schema.KongSchemas;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.luaj.vm2.LuaValue;

/**
 * A validation of a small built-in plugin on a background thread, for a process that is about to validate and has
 * other start-up work to do first (a command line parsing its arguments, a sync connecting). In a fresh JVM a first
 * validation spends most of its time loading, linking and initialising the validator's classes, compiling the
 * sandbox's prelude and reading Kong's typedefs and schemas; the preload does that work on other processors meanwhile,
 * in two threads: one reads the validator's data while the other validates up to the point where it needs it.
 *
 * <p>luaj's value classes initialise each other, which can deadlock two threads that start on them from different
 * ends, so {@link #start} initialises them first, before starting either thread. Validations wait for a running
 * preload before they start ({@link #awaitIfRunning}), so that they never initialise the same classes as the
 * preload at the same time. A process that never calls {@link #start} pays nothing.
 */
public final class Preload {
    /** Longer than a preload takes on a loaded machine; a validation past it starts anyway. */
    private static final long MAX_WAIT_SECONDS = 20;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch DONE = new CountDownLatch(2);
    private static volatile Thread validating;
    private static volatile Thread preparing;

    private Preload() {
    }

    /** Starts the preload on two daemon threads; does nothing after the first call. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        LuaValue.NIL.isnil(); // initialises luaj's value classes, on this thread alone
        // Both threads are known before either starts: the validating one reaches awaitIfRunning at once, and must
        // see itself there rather than wait MAX_WAIT_SECONDS for its own end (seen once: a 21 s validate).
        preparing = preloadThread("konnect-plugins-preload-data", () -> {
            SandboxEvaluator.prepare();
            KongSchemas.entities(); // reads Kong's metaschema and plugins entity, which the schema checks need later
        });
        validating = preloadThread("konnect-plugins-preload",
                () -> PluginCheck.run(WarmUpPlugin.NAME, Preload::plugin));
        preparing.start();
        validating.start();
    }

    /** The plugin the preload validates: valid, so that every stage of the validation runs. */
    static PluginFiles plugin() {
        return new PluginFiles(WarmUpPlugin.HANDLER, WarmUpPlugin.SCHEMA, List.of());
    }

    private static Thread preloadThread(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                DONE.countDown();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Waits for a started preload to end, unless called by the preload itself. */
    static void awaitIfRunning() {
        Thread current = Thread.currentThread();
        if (!STARTED.get() || DONE.getCount() == 0 || current == validating || current == preparing) {
            return;
        }
        try {
            DONE.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
