package dev.konnectplugins;

import dev.konnectplugins.model.ControlPlane;
import java.util.Optional;

/** The organization's control planes ({@code /v2/control-planes}), read-only. Thread-safe; blocking. */
public final class ControlPlanes {
    private final ControlPlanesAsync async;

    ControlPlanes(ControlPlanesAsync async) {
        this.async = async;
    }

    /** The same operations, returning {@link java.util.concurrent.CompletableFuture}s. */
    public ControlPlanesAsync async() {
        return async;
    }

    /** Every control plane, fetched lazily. */
    public PagedIterable<ControlPlane> list() {
        return async.listNow();
    }

    /**
     * Reads a control plane by id.
     *
     * @throws NotFoundException when there is none
     */
    public ControlPlane get(String id) {
        return async.getNow(id);
    }

    /** The control plane named exactly {@code name} ({@code filter[name][eq]}); empty when none is. */
    public Optional<ControlPlane> findByName(String name) {
        return async.findByNameNow(name);
    }

    /**
     * The control plane named exactly {@code name}.
     *
     * @throws NotFoundException when none is
     */
    public ControlPlane getByName(String name) {
        return async.getByNameNow(name);
    }
}
