package dev.konnectplugins.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the stub on its own for the fresh-JVM measurements: writes its base URL to the file given, serves until
 * stdin closes. Also writes the 50 plugin folders the validation CLI row checks, when a second path is given.
 */
public final class StubMain {
    private StubMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            writePlugins(Path.of(args[1]), 50);
        }
        try (KonnectStub stub = KonnectStub.start()) {
            Files.writeString(Path.of(args[0]), stub.baseUrl().toString());
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** {@code count} folders, each a copy of Kong's template plugin under its own name. */
    static void writePlugins(Path root, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            Path folder = root.resolve("plugin-" + i);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("handler.lua"), i % 10 == 0 ? SamplePlugins.largeHandler(20 * 1024)
                    : SamplePlugins.TEMPLATE_HANDLER);
            Files.writeString(folder.resolve("schema.lua"), SamplePlugins.TEMPLATE_SCHEMA
                    .replace("\"myplugin\"", "\"plugin-" + i + "\""));
        }
    }
}
