package dev.konnectplugins.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Bytes allocated by every thread of this JVM, including threads that ended meanwhile (per-thread counters lose
 * those): heap growth plus what each collection freed, from the GC's own notifications.
 */
final class AllocationMeter {
    private final AtomicLong freedByCollections = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    AllocationMeter() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum();
                freedByCollections.addAndGet(before - after);
                if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")) {
                    collections.incrementAndGet();
                }
            }, null, null);
        }
    }

    /** A reading to subtract from a later one. */
    Reading read() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Reading(used + freedByCollections.get(), collections.get(),
                ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    }

    /**
     * @param allocated      heap allocated so far (used + freed)
     * @param collections    stop-the-world collections so far
     * @param threadsStarted threads started so far
     */
    record Reading(long allocated, long collections, long threadsStarted) {
    }
}
