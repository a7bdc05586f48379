package dev.konnectplugins.internal.testkit;

import java.time.Instant;

/** The fixed facts of a fake control plane. */
public record ControlPlaneInfo(String id, String name, Instant createdAt) {
}
