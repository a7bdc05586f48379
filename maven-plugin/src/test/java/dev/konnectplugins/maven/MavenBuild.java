package dev.konnectplugins.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Maven build of a test project: the Maven that runs this build ({@code konnect.it.maven.home}), offline by
 * default, with the local repository the invoker plugin filled with this plugin ({@code konnect.it.repository}) and
 * settings of its own. Whatever else it needs (the parent pom's imported BOMs) comes from a mirror that reads the
 * user's local repository as a remote one, so it never writes there, nor reaches the network.
 */
final class MavenBuild {
    private static final long TIMEOUT_SECONDS = 180;

    private final Path project;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Path settings;
    private boolean offline = true;

    private MavenBuild(Path project) {
        this.project = project;
    }

    static MavenBuild in(Path project) {
        return new MavenBuild(project);
    }

    MavenBuild args(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    MavenBuild env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Online, against the mirror only: to fill the test repository before the offline builds. */
    MavenBuild online() {
        offline = false;
        return this;
    }

    MavenBuild settings(Path file) {
        settings = file;
        return this;
    }

    /** Runs the build to its end; the result holds its whole log. */
    Result run() throws IOException, InterruptedException {
        Path settingsFile = settings != null ? settings : writeSettings(project, "");
        List<String> command = new ArrayList<>(List.of(mavenExecutable().toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("konnect.it.repository"), "-s", settingsFile.toString(),
                "-Dstyle.color=never"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(arguments);
        Path log = outsideTheProject("build-" + project.getFileName() + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The builds get only the Konnect settings a test gives them, never the ones of whoever runs the tests.
        builder.environment().keySet().removeIf(name -> name.startsWith("KONNECT_") || name.endsWith("_PROXY")
                || name.endsWith("_proxy") || name.equals("MAVEN_OPTS") || name.equals("MAVEN_ARGS"));
        // Short builds: the JIT's first tier starts them faster on a busy machine.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn " + arguments + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A settings.xml with the mirror (see the class comment) and these {@code <servers>} children. */
    static Path writeSettings(Path project, String servers) throws IOException {
        Path file = outsideTheProject("settings-" + project.getFileName() + "-" + System.nanoTime() + ".xml");
        Files.writeString(file, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                  <servers>%s</servers>
                </settings>
                """.formatted(Path.of(System.getProperty("konnect.it.user.repository")).toUri(), servers));
        return file;
    }

    /** Logs and settings go to target/it/logs, never into a project (the sample project is built where it is). */
    private static Path outsideTheProject(String fileName) throws IOException {
        Path logs = Path.of(System.getProperty("konnect.it.work", "target/it")).toAbsolutePath().resolve("logs");
        Files.createDirectories(logs);
        return logs.resolve(fileName);
    }

    private static Path mavenExecutable() {
        String home = System.getProperty("konnect.it.maven.home");
        if (home == null) {
            throw new IllegalStateException("konnect.it.maven.home is not set: run the test with mvn verify");
        }
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
        return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn");
    }

    /** A finished build. */
    record Result(int exitCode, String log) {
        boolean succeeded() {
            return exitCode == 0 && log.contains("BUILD SUCCESS");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + log;
        }
    }
}
