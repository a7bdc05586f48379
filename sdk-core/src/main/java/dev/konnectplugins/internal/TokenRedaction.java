package dev.konnectplugins.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces the client's own token with {@value #MASK} in what a server sends back, before any of it is parsed,
 * quoted in an exception, logged or shown: a server (or a proxy's error page) that echoes the {@code Authorization}
 * header cannot put the token into a CI log. A token shorter than {@value #MIN_LENGTH} characters is no Konnect
 * token (those are about 50) and is left alone, as it could match ordinary words of every answer.
 */
public final class TokenRedaction {
    /** What the token becomes. */
    public static final String MASK = "***";
    /** The shortest token that is looked for. */
    public static final int MIN_LENGTH = 8;
    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.US_ASCII);

    private final String token;
    private final byte[] tokenBytes;

    /** @param token the token sent (printable ASCII, as the builder checks), or null for none */
    public TokenRedaction(String token) {
        boolean searched = token != null && token.length() >= MIN_LENGTH;
        this.token = searched ? token : null;
        this.tokenBytes = searched ? token.getBytes(StandardCharsets.US_ASCII) : null;
    }

    /** The text with every occurrence of the token masked; the same instance when there is none. */
    public String redact(String text) {
        if (token == null || text == null || !text.contains(token)) {
            return text;
        }
        return text.replace(token, MASK);
    }

    /** The bytes with every occurrence of the token masked; the same array when there is none. */
    public byte[] redact(byte[] body) {
        if (tokenBytes == null || body == null) {
            return body;
        }
        int found = indexOf(body, 0);
        if (found < 0) {
            return body;
        }
        byte[] out = new byte[body.length];
        int written = 0;
        int from = 0;
        while (found >= 0) {
            System.arraycopy(body, from, out, written, found - from);
            written += found - from;
            System.arraycopy(MASK_BYTES, 0, out, written, MASK_BYTES.length);
            written += MASK_BYTES.length;
            from = found + tokenBytes.length;
            found = indexOf(body, from);
        }
        System.arraycopy(body, from, out, written, body.length - from);
        return Arrays.copyOf(out, written + body.length - from);
    }

    private int indexOf(byte[] body, int from) {
        byte first = tokenBytes[0];
        int last = body.length - tokenBytes.length;
        for (int i = from; i <= last; i++) {
            if (body[i] == first && Arrays.equals(body, i, i + tokenBytes.length, tokenBytes, 0,
                    tokenBytes.length)) {
                return i;
            }
        }
        return -1;
    }
}
