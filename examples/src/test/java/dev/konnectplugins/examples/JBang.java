package dev.konnectplugins.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JBang script the way JBang's shell wrapper does: {@code dev.jbang.Main} builds the script and, with exit
 * status 255, prints the {@code java ...} command to run; the wrapper then executes that command.
 */
final class JBang {
    /** JBang's "run the command I printed" status. */
    private static final int EXECUTE_OUTPUT = 255;
    private static final long TIMEOUT_SECONDS = 180;

    private final Path lib;
    private final Map<String, String> jbangEnvironment;
    private final List<String> repositories;

    /**
     * @param lib              jbang-cli and its dependencies
     * @param jbangEnvironment JBANG_DIR, JBANG_REPO, JAVA_HOME: where JBang caches, resolves and finds its JDK
     * @param repositories     JBang's {@code --repos} values, searched in this order (they replace Maven Central,
     *                         so list {@code mavencentral} where it should be searched)
     */
    JBang(Path lib, Map<String, String> jbangEnvironment, List<String> repositories) {
        this.lib = lib;
        this.jbangEnvironment = Map.copyOf(jbangEnvironment);
        this.repositories = List.copyOf(repositories);
    }

    /** What a script run printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code script args...} with this environment (plus JBang's own) and returns the script's result. */
    Result run(Map<String, String> environment, Path script, String... args) {
        return run(environment, script.toString(), args);
    }

    /**
     * Runs a script file or a Maven artifact ({@code group:artifact:version}, whose jar's Main-Class JBang runs) as
     * {@code jbang <reference> args...} does.
     */
    Result run(Map<String, String> environment, String reference, String... args) {
        List<String> jbang = new ArrayList<>(List.of(java(), "-cp", lib.resolve("*").toString(), "dev.jbang.Main",
                "run"));
        repositories.forEach(repository -> jbang.addAll(List.of("--repos", repository)));
        jbang.add(reference);
        jbang.addAll(List.of(args));
        Result build = execute(jbang, environment);
        if (build.exitCode() != EXECUTE_OUTPUT) {
            // JBang itself failed (a compile error, an unresolvable //DEPS): that is the result.
            return build;
        }
        return execute(ShellWords.split(build.out().strip()), environment);
    }

    private Result execute(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KONNECT_") || name.startsWith("JBANG_"));
        builder.environment().putAll(jbangEnvironment);
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile("jbang-out", ".txt");
            Path err = Files.createTempFile("jbang-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out after " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
