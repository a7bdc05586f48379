package dev.konnectplugins.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Valid sample plugins written to folders, for the tests. */
final class SamplePlugins {
    private SamplePlugins() {
    }

    static String handler(String header) {
        return "local Handler = {\n  PRIORITY = 810,\n  VERSION = \"1.0.0\",\n}\n\n"
                + "function Handler:access(conf)\n  kong.service.request.set_header(\"" + header
                + "\", conf.value)\nend\n\nreturn Handler\n";
    }

    static String schema(String name) {
        return "local typedefs = require \"kong.db.schema.typedefs\"\n\nreturn {\n  name = \"" + name + "\",\n"
                + "  fields = {\n    { protocols = typedefs.protocols_http },\n    { config = {\n"
                + "        type = \"record\",\n        fields = {\n"
                + "          { value = { type = \"string\", required = true, default = \"on\" } },\n"
                + "        },\n    } },\n  },\n}\n";
    }

    /** Writes {@code <folder>/<name>/handler.lua} and {@code schema.lua}; returns the plugin's folder. */
    static Path write(Path folder, String name, String header) {
        try {
            Path directory = Files.createDirectories(folder.resolve(name));
            Files.writeString(directory.resolve("handler.lua"), handler(header), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("schema.lua"), schema(name), StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
