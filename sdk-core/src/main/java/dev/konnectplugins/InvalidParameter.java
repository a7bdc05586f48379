package dev.konnectplugins;

import java.util.Objects;

/**
 * One field Konnect rejected in a request, and why.
 *
 * @param field  the field, such as {@code name} or {@code tags[0]}; {@code body} for the whole request
 * @param reason Konnect's explanation
 */
public record InvalidParameter(String field, String reason) {
    /**
     * Checks that neither the field nor the reason is null.
     *
     * @param field the rejected field, as Konnect names it (such as {@code handler})
     * @param reason why Konnect rejected it
     */
    public InvalidParameter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
