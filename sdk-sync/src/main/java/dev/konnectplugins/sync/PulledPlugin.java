package dev.konnectplugins.sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One plugin of a pull: its name, its folder, and what happened.
 *
 * @param name    the plugin's name
 * @param folder  {@code <folder>/<name>}
 * @param status  what pulling did
 * @param message a sentence for {@link PullStatus#KEPT_LOCAL} and {@link PullStatus#SKIPPED}; empty otherwise
 */
public record PulledPlugin(String name, Path folder, PullStatus status, String message) {
    public PulledPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }
}
