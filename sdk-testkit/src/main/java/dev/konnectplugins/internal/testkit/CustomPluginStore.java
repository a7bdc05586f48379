package dev.konnectplugins.internal.testkit;

import dev.konnectplugins.testkit.StoredCustomPlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The custom plugins of one control plane, in creation order. Each plugin gets a sequence number at creation
 * that paging cursors point at, so deleting plugins between two pages never skips or repeats one.
 * Not thread-safe on its own: {@link ControlPlaneState#locked} guards it.
 */
final class CustomPluginStore {

    private final NavigableMap<Long, StoredCustomPlugin> bySequence = new TreeMap<>();
    private final Map<String, Long> sequenceById = new HashMap<>();
    private final Map<String, Long> sequenceByName = new HashMap<>();
    private long lastSequence;

    Optional<StoredCustomPlugin> byId(String id) {
        return Optional.ofNullable(sequenceById.get(id)).map(bySequence::get);
    }

    Optional<StoredCustomPlugin> byName(String name) {
        return Optional.ofNullable(sequenceByName.get(name)).map(bySequence::get);
    }

    /** Adds a new plugin or replaces the one with the same id, keeping its place in the order. */
    void save(StoredCustomPlugin plugin) {
        Long sequence = sequenceById.get(plugin.id());
        if (sequence == null) {
            sequence = ++lastSequence;
        } else {
            sequenceByName.remove(bySequence.get(sequence).name());
        }
        bySequence.put(sequence, plugin);
        sequenceById.put(plugin.id(), sequence);
        sequenceByName.put(plugin.name(), sequence);
    }

    void remove(StoredCustomPlugin plugin) {
        Long sequence = sequenceById.remove(plugin.id());
        if (sequence != null) {
            bySequence.remove(sequence);
            sequenceByName.remove(plugin.name());
        }
    }

    List<StoredCustomPlugin> all() {
        return List.copyOf(bySequence.values());
    }

    /** Up to {@code size} matching plugins created after the one at {@code afterSequence}. */
    Page page(long afterSequence, int size, Predicate<StoredCustomPlugin> filter) {
        List<StoredCustomPlugin> items = new ArrayList<>();
        long lastTaken = afterSequence;
        for (Map.Entry<Long, StoredCustomPlugin> entry : bySequence.tailMap(afterSequence, false).entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (items.size() == size) {
                return new Page(items, Optional.of(lastTaken));
            }
            items.add(entry.getValue());
            lastTaken = entry.getKey();
        }
        return new Page(items, Optional.empty());
    }

    /**
     * One page of plugins.
     *
     * @param items         the plugins on this page
     * @param resumeAfter   the sequence number the next page starts after; empty on the last page
     */
    record Page(List<StoredCustomPlugin> items, Optional<Long> resumeAfter) {
    }
}
