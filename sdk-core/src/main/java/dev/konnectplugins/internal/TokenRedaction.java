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
    /** Boyer-Moore-Horspool: how far the token may move on when the byte under its last byte is this one. */
    private final int[] shift;

    /** @param token the token sent (printable ASCII, as the builder checks), or null for none */
    public TokenRedaction(String token) {
        boolean searched = token != null && token.length() >= MIN_LENGTH;
        this.token = searched ? token : null;
        this.tokenBytes = searched ? token.getBytes(StandardCharsets.US_ASCII) : null;
        this.shift = searched ? shifts(tokenBytes) : null;
    }

    private static int[] shifts(byte[] token) {
        int[] shift = new int[256];
        Arrays.fill(shift, token.length);
        for (int i = 0; i < token.length - 1; i++) {
            shift[token[i] & 0xff] = token.length - 1 - i;
        }
        return shift;
    }

    /** The text with every occurrence of the token masked; the same instance when there is none. */
    public String redact(String text) {
        return occursIn(text) ? text.replace(token, MASK) : text;
    }

    /** Whether {@link #redact} would mask something in the text. */
    public boolean occursIn(String text) {
        return token != null && text != null && text.contains(token);
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

    /**
     * Where the token next occurs, found by Boyer-Moore-Horspool: every answer is searched whole, and a page of 100
     * plugins is some 200 KB, which a byte-by-byte search read in about a fifth of the page's whole call.
     */
    private int indexOf(byte[] body, int from) {
        int length = tokenBytes.length;
        byte last = tokenBytes[length - 1];
        for (int end = from + length - 1; end < body.length; end += shift[body[end] & 0xff]) {
            int start = end - length + 1;
            if (body[end] == last && Arrays.equals(body, start, end, tokenBytes, 0, length - 1)) {
                return start;
            }
        }
        return -1;
    }
}
