package dev.konnectplugins.internal.validation.resolve;

import java.util.List;

/**
 * What the resolver produced for one file: its events in walk order, and the facts of its module value.
 *
 * @param events every event, in the order of the walk
 * @param facts  the module value's facts
 */
public record Resolution(List<Event> events, ChunkFacts facts) {
    /** The resolution of a file that could not be walked. */
    public static final Resolution NONE = new Resolution(List.of(), ChunkFacts.NONE);

    public Resolution {
        events = List.copyOf(events);
    }

    /** The events of one type, in walk order. */
    public <T extends Event> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
