package dev.konnectplugins.cli;

import dev.konnectplugins.internal.validation.WarmUpPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the {@code konnect-plugins} launcher records its class-data archive from (an AOT cache on JDK 25,
 * a static AppCDS archive on JDK 13 to 24): what users run most, in one JVM, output discarded. Every subcommand's
 * help (so picocli's model of each is in the archive), then {@code validate} of a valid and an invalid plugin in
 * every output format, without picocli and through it. Not the command line's API: the launcher runs it as
 * {@code java -XX:AOTCacheOutput=... -cp konnect-plugins-cli.jar dev.konnectplugins.cli.AotTraining}.
 */
public final class AotTraining {
    /** A handler Kong would refuse: a syntax error, so the findings' paths are trained too. */
    private static final String BROKEN_HANDLER = "local Handler = {\n  PRIORITY = 810,\n  VERSION = \"1.0.0\",\n"
            + "}\n\nfunction Handler:access(conf)\n  kong.log.err(\"unfinished\"\n\nreturn Handler\n";
    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github");

    private AotTraining() {
    }

    /**
     * Runs the training; exits 0 when the valid plugin validated as valid (else 1, and the launcher keeps no
     * archive).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(train() ? ExitCode.OK : ExitCode.ERROR);
    }

    static boolean train() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Path work = null;
        try {
            work = Files.createTempDirectory("konnect-plugins-training");
            Path valid = write(work.resolve("valid").resolve(WarmUpPlugin.NAME), WarmUpPlugin.HANDLER);
            Path invalid = write(work.resolve("invalid").resolve(WarmUpPlugin.NAME), BROKEN_HANDLER);
            run(nowhere, "--help");
            for (String name : Subcommands.NAMES) {
                run(nowhere, name, "--help");
            }
            run(nowhere, "snyc");
            boolean trained = true;
            run(nowhere, "validate", valid.toString(), invalid.toString()); // folders only: without picocli
            for (String format : FORMATS) {
                trained &= run(nowhere, "validate", "--output", format, valid.toString()) == ExitCode.OK;
                run(nowhere, "validate", "--output", format, invalid.toString());
            }
            // another option: picocli parses the command line
            trained &= run(nowhere, "validate", "--jobs", "1", valid.toString()) == ExitCode.OK;
            return trained;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training plugins", e);
        } finally {
            delete(work);
        }
    }

    private static int run(PrintStream nowhere, String... args) {
        return Main.run(args, Map.of(), nowhere, nowhere, false);
    }

    private static Path write(Path folder, String handler) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("handler.lua"), handler, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("schema.lua"), WarmUpPlugin.SCHEMA, StandardCharsets.UTF_8);
        return folder;
    }

    private static void delete(Path work) {
        if (work == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind is no reason to discard the archive
        }
    }
}
