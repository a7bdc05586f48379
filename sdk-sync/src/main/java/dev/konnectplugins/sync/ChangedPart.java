package dev.konnectplugins.sync;

/** Which part of a plugin an update changes. */
public enum ChangedPart {
    /** The plugin's {@code handler.lua}. */
    HANDLER("handler.lua"),
    /** The plugin's {@code schema.lua}. */
    SCHEMA("schema.lua"),
    /** The plugin's tags. */
    TAGS("tags");

    private final String label;

    ChangedPart(String label) {
        this.label = label;
    }

    /** {@return the file name, or {@code tags}} */
    public String label() {
        return label;
    }
}
