package dev.konnectplugins.internal;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of the last plugins the validators passed, so that uploading the same plugin again (a sync writes the
 * same 50 plugins to every control plane) does not validate it again. Keyed by a SHA-256 digest of everything a
 * validator reads, so the memory holds no plugin text; bounded, least recently used out first. Refusals are never
 * kept: they are rare, and a limit met on a busy machine must not outlive the moment.
 */
final class PassedUploads {
    static final int CAPACITY = 256;

    private final Map<String, List<Diagnostic>> verdicts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Diagnostic>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The warnings of an earlier pass of exactly this plugin, or null when it was not passed lately. */
    synchronized List<Diagnostic> find(String digest) {
        return verdicts.get(digest);
    }

    /** Remembers a verdict without errors for {@code digest}. */
    synchronized void rememberPass(String digest, List<Diagnostic> warnings) {
        verdicts.put(digest, List.copyOf(warnings));
    }

    /** A digest of the name, both files, the tags and the folder: every input a validator can read. */
    static String digest(PluginSource source) {
        MessageDigest sha = sha256();
        update(sha, source.name());
        update(sha, source.handler());
        update(sha, source.schema());
        update(sha, String.join("\n", source.tags()));
        update(sha, source.directory().map(Path::toString).orElse(""));
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    /** Each part is prefixed by its length, so that no two different sources hash the same bytes. */
    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
