package dev.konnectplugins.internal;

import dev.konnectplugins.KonnectTransportException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls running now, so that {@code close()} can end them: a call blocks in its own thread (the caller's, or an
 * executor thread for async calls), and close() interrupts that thread. The interrupt is marked as the client's,
 * so the call reports "the client was closed", and cleared when the call leaves.
 */
final class CallRegistry {
    private final Set<Registration> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Registers the calling thread's call.
     *
     * @throws KonnectTransportException when the client is closed: nothing is sent
     */
    Registration enter(ApiRequest request) {
        if (closed) {
            throw new KonnectTransportException(request.describe() + " was not sent: this Konnect client is closed",
                    null);
        }
        Registration registration = new Registration(Thread.currentThread());
        live.add(registration);
        // A close() that raced with this registration may have missed it.
        if (closed) {
            registration.abandon();
        }
        return registration;
    }

    boolean closed() {
        return closed;
    }

    /** Refuses further calls and interrupts the running ones. */
    void close() {
        closed = true;
        for (Registration registration : live) {
            registration.abandon();
        }
    }

    /** One running call. */
    final class Registration {
        private final Thread thread;
        private boolean running = true;
        private boolean abandoned;

        private Registration(Thread thread) {
            this.thread = thread;
        }

        /** Whether close() interrupted this call. */
        synchronized boolean abandoned() {
            return abandoned;
        }

        private synchronized void abandon() {
            if (running && !abandoned) {
                abandoned = true;
                thread.interrupt();
            }
        }

        /** Ends the registration; clears the interrupt close() sent, which is not the caller's. */
        void leave() {
            live.remove(this);
            boolean clear;
            synchronized (this) {
                running = false;
                clear = abandoned;
            }
            if (clear) {
                Thread.interrupted();
            }
        }
    }
}
