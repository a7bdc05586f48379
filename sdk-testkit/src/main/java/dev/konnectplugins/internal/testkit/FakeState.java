package dev.konnectplugins.internal.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** All control planes of one fake, in creation order, plus the settings the endpoints need. */
public final class FakeState {

    private final Map<String, ControlPlaneState> controlPlanes = new LinkedHashMap<>();
    private final Clock clock;
    private final int duplicateNameStatus;
    private final boolean kongChecks;

    public FakeState(Clock clock, int duplicateNameStatus, boolean kongChecks) {
        this.clock = clock;
        this.duplicateNameStatus = duplicateNameStatus;
        this.kongChecks = kongChecks;
    }

    /** Whether uploads go through Kong's checks of the custom_plugins entity, as on Konnect. */
    public boolean kongChecks() {
        return kongChecks;
    }

    public Clock clock() {
        return clock;
    }

    public int duplicateNameStatus() {
        return duplicateNameStatus;
    }

    /** Adds a control plane; names are unique, as in Konnect. */
    public synchronized ControlPlaneInfo addControlPlane(String id, String name) {
        String normalized = id.toLowerCase(Locale.ROOT);
        UUID.fromString(normalized);
        if (controlPlanes.containsKey(normalized)) {
            throw new IllegalArgumentException("A control plane with id " + id + " already exists");
        }
        if (byName(name).isPresent()) {
            throw new IllegalArgumentException("A control plane named " + name + " already exists");
        }
        ControlPlaneInfo info = new ControlPlaneInfo(normalized, name, clock.instant());
        controlPlanes.put(normalized, new ControlPlaneState(info));
        return info;
    }

    public synchronized Optional<ControlPlaneState> controlPlane(String id) {
        return Optional.ofNullable(controlPlanes.get(id.toLowerCase(Locale.ROOT)));
    }

    public synchronized List<ControlPlaneInfo> controlPlanes() {
        List<ControlPlaneInfo> infos = new ArrayList<>();
        controlPlanes.values().forEach(state -> infos.add(state.info()));
        return infos;
    }

    /** Forgets every control plane but {@code keep}, and empties that one, by replacing its state. */
    public synchronized void resetTo(ControlPlaneInfo keep) {
        controlPlanes.clear();
        controlPlanes.put(keep.id(), new ControlPlaneState(keep));
    }

    private Optional<ControlPlaneState> byName(String name) {
        return controlPlanes.values().stream().filter(state -> state.info().name().equals(name)).findFirst();
    }
}
