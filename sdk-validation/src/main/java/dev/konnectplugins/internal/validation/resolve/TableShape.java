package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields given to a table in this file: by its constructor and by later assignments. */
public final class TableShape {
    /** One field, where it was last given a value. */
    public record Field(Value value, SourcePosition at) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final boolean fromConstructor;
    private boolean dynamicKeys;

    TableShape(boolean fromConstructor) {
        this.fromConstructor = fromConstructor;
    }

    void put(String name, Value value, SourcePosition at) {
        fields.put(name, new Field(value, at));
    }

    void markDynamicKeys() {
        dynamicKeys = true;
    }

    /** Whether the table has fields with string names (not only array entries). */
    public boolean hasNamedFields() {
        return !fields.isEmpty();
    }

    /** The field, or null when this file never gives it a value. */
    public Field field(String name) {
        return fields.get(name);
    }

    /**
     * Whether every field is known: the table came from a constructor and no field was set with a computed key.
     * Only then does a missing field mean the table really lacks it.
     */
    public boolean complete() {
        return fromConstructor && !dynamicKeys;
    }
}
