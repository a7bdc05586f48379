package dev.konnectplugins.validation;

import java.util.Objects;

/**
 * One field of an upload that Konnect refuses, with the message Kong gives for it: what
 * {@link PluginValidator#checkUpload} answers, and what a 400 from Konnect's custom-plugins API carries in each
 * {@code details} entry.
 *
 * @param field   the custom_plugins field Kong names: {@code name}, {@code schema} or {@code handler}
 * @param message Kong's message, such as {@code handler validation error (implementing init_worker method is not
 *                allowed)}
 */
public record UploadRefusal(String field, String message) {
    /**
     * Checks that no component is null.
     *
     * @param field   the custom_plugins field Kong names
     * @param message Kong's message for it
     */
    public UploadRefusal {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
