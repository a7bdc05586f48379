package dev.konnectplugins.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes every plugin the rule tests validate into {@code -Doracle.corpus=DIR} as {@code case-N/<upload name>/},
 * the layout {@code compare.py validator corpus ...} reads, so that the validator and the Kong oracle can be compared on exactly the tests' plugins.
 * Does nothing without the property; never part of a normal build's behaviour.
 */
final class OracleCorpus {
    private static final String DIR = System.getProperty("oracle.corpus");
    private static final AtomicInteger COUNT = new AtomicInteger();

    static void write(String name, String handler, String schema) {
        if (DIR == null) {
            return;
        }
        Path folder = Path.of(DIR, String.format("case-%04d", COUNT.incrementAndGet()), name.isEmpty() ? "_" : name);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("handler.lua"), handler, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("schema.lua"), schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OracleCorpus() {
    }
}
