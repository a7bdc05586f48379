package dev.konnectplugins.sync;

/** What a plan does with one plugin. */
public enum ChangeAction {
    /** In the desired state, not on the control plane: it will be uploaded. */
    CREATE,
    /** On both, with a different handler, schema or tags: it will be replaced. */
    UPDATE,
    /** On both and the same: nothing to do. */
    UNCHANGED,
    /** Managed, no longer in the desired state, and prune is on: it will be deleted. */
    DELETE,
    /**
     * An update or delete that will not be sent because it would be refused: the plugin is in use by plugin
     * instances (Kong refuses to change or delete it), or it is not managed and adopt is off.
     */
    BLOCKED,
    /** On the control plane only, and not ours to delete (not managed, or prune is off): never touched. */
    LEFT_ALONE;

    /**
     * Whether applying this sends a write.
     *
     * @return true for create, update and delete
     */
    public boolean writes() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }

    /**
     * The lowercase word used in text and JSON output, such as {@code left alone}.
     *
     * @return the label, lowercase, with a space for an underscore
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
