package dev.konnectplugins;

import dev.konnectplugins.model.ControlPlane;
import java.util.Optional;

/** The organization's control planes ({@code /v2/control-planes}), read-only. Thread-safe; blocking. */
public final class ControlPlanes {
    private final ControlPlanesAsync async;

    ControlPlanes(ControlPlanesAsync async) {
        this.async = async;
    }

    /**
     * The same operations, returning {@link java.util.concurrent.CompletableFuture}s.
     *
     * @return the asynchronous view of the same control planes
     */
    public ControlPlanesAsync async() {
        return async;
    }

    /**
     * Every control plane, fetched lazily.
     *
     * @return the control planes; each page is requested when iteration reaches it
     */
    public PagedIterable<ControlPlane> list() {
        return async.listNow();
    }

    /**
     * Reads a control plane by id.
     *
     * @param id the control plane's id (a UUID), not null
     * @return the control plane
     * @throws NotFoundException when there is none
     */
    public ControlPlane get(String id) {
        return async.getNow(id);
    }

    /**
     * The control plane named exactly {@code name} ({@code filter[name][eq]}); empty when none is.
     *
     * @param name the exact, case-sensitive name, not null
     * @return the control plane, or empty
     */
    public Optional<ControlPlane> findByName(String name) {
        return async.findByNameNow(name);
    }

    /**
     * The control plane named exactly {@code name}.
     *
     * @param name the exact, case-sensitive name, not null
     * @return the control plane
     * @throws NotFoundException when none is
     */
    public ControlPlane getByName(String name) {
        return async.getByNameNow(name);
    }
}
