package dev.konnectplugins.sync;

import java.util.Objects;
import java.util.Optional;

/** What applying a plan did to one plugin. Immutable. */
public final class PluginOutcome {
    private final String name;
    private final ChangeAction action;
    private final OutcomeStatus status;
    private final String reason;
    private final RuntimeException failure;

    PluginOutcome(String name, ChangeAction action, OutcomeStatus status, String reason, RuntimeException failure) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = Objects.requireNonNull(action, "action");
        this.status = Objects.requireNonNull(status, "status");
        this.reason = reason == null ? "" : reason;
        this.failure = failure;
    }

    /** {@return the plugin's name} */
    public String name() {
        return name;
    }

    /** {@return the planned action: create, update, delete, or blocked} */
    public ChangeAction action() {
        return action;
    }

    /** {@return whether the write was done, skipped or failed} */
    public OutcomeStatus status() {
        return status;
    }

    /**
     * Why it was skipped; empty otherwise.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * The exception a failed write threw (a {@code KonnectException} for anything Konnect or the network did).
     *
     * @return the exception; empty unless the write failed
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "PluginOutcome{" + name + " " + action.label() + " " + status + "}";
    }
}
