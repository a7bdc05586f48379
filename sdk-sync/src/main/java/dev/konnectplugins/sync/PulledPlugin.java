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
    /**
     * Checks that name, folder and status are given; a null message becomes empty.
     *
     * @param name the plugin's name, not null
     * @param folder {@code <folder>/<name>}, not null
     * @param status what pulling did, not null
     * @param message an explanation, or null for none
     */
    public PulledPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }
}
