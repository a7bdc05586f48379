package dev.konnectplugins.internal.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque `offset` of custom-plugin pages. It names the last plugin already returned (by its creation
 * sequence), base64-encoded so clients treat it as the opaque token Konnect documents.
 */
final class PageCursor {

    private static final String PREFIX = "fake-konnect:";

    private PageCursor() {
    }

    static String encode(long afterSequence) {
        byte[] text = (PREFIX + afterSequence).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** The sequence an offset resumes after; empty when the offset is not one this fake issued. */
    static Optional<Long> decode(String offset) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(offset), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
