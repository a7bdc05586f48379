package dev.konnectplugins.internal.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Faults waiting to be applied, first in first out: each entry hits its next N requests, then the next entry
 * takes over. Shared between test threads and Jetty's request threads, hence synchronized.
 */
public final class FaultQueue {

    private final Deque<Entry> entries = new ArrayDeque<>();

    public synchronized void add(FaultAction action, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("A fault must apply to at least one request, not " + times);
        }
        entries.addLast(new Entry(action, times));
    }

    /** The fault for the request being served now, if one is pending; it counts as used. */
    public synchronized Optional<FaultAction> take() {
        Entry head = entries.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        head.remaining--;
        if (head.remaining == 0) {
            entries.removeFirst();
        }
        return Optional.of(head.action);
    }

    /** How many requests pending faults will still hit. */
    public synchronized int pending() {
        return entries.stream().mapToInt(entry -> entry.remaining).sum();
    }

    public synchronized void clear() {
        entries.clear();
    }

    private static final class Entry {
        private final FaultAction action;
        private int remaining;

        private Entry(FaultAction action, int remaining) {
            this.action = action;
            this.remaining = remaining;
        }
    }
}
