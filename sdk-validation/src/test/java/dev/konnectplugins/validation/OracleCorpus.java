package dev.konnectplugins.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes every plugin the rule tests validate into {@code -Doracle.corpus=DIR} as {@code case-<hash>/<upload name>/},
 * the layout {@code compare.py validator corpus ...} reads, so that the validator and the Kong oracle can be compared
 * on exactly the tests' plugins. The folder is named by the plugin's content, so that the second test run of the
 * build (against the oldest supported Jackson) writes the same plugins to the same folders instead of renumbering
 * them. Does nothing without the property; never part of a normal build's behaviour.
 */
final class OracleCorpus {
    private static final String DIR = System.getProperty("oracle.corpus");

    static void write(String name, String handler, String schema) {
        if (DIR == null) {
            return;
        }
        Path folder = Path.of(DIR, "case-" + hash(name + '\0' + handler + '\0' + schema), name.isEmpty() ? "_" : name);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("handler.lua"), handler, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("schema.lua"), schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OracleCorpus() {
    }
}
