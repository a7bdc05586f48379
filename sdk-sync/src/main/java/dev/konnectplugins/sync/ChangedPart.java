package dev.konnectplugins.sync;

/** Which part of a plugin an update changes. */
public enum ChangedPart {
    HANDLER("handler.lua"),
    SCHEMA("schema.lua"),
    TAGS("tags");

    private final String label;

    ChangedPart(String label) {
        this.label = label;
    }

    /** The file name, or {@code tags}. */
    public String label() {
        return label;
    }
}
