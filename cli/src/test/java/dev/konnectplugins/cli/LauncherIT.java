package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code konnect-plugins} launcher script (target/konnect-plugins, next to the shaded jar) as a user would:
 * first plain {@code java -jar} while it records the archive in the background, then from the archive, with the same
 * output and exit status; an unusable archive and {@code KONNECT_PLUGINS_CACHE=off} change nothing a user sees. On
 * the JDK running the tests, and on each JDK home in {@code -Dkonnect.launcher.jdks=home,home} (such as a JDK 25,
 * whose archive is an AOT cache).
 */
class LauncherIT {
    /** The longest a background recording may take on a loaded machine. */
    private static final long RECORDING_SECONDS = 300;
    private static Path launcher;
    private static String version;

    @TempDir
    Path work;

    @BeforeAll
    static void theLauncherIsBuilt() {
        String property = System.getProperty("konnect.cli.launcher");
        if (property == null || !Files.isExecutable(Path.of(property))) {
            fail("The launcher is missing (" + property + "): run this test through Maven's verify phase");
        }
        launcher = Path.of(property);
        version = System.getProperty("konnect.cli.version");
    }

    @Test
    void runsPlainThenFromTheArchiveOnThisJdk() throws Exception {
        runsPlainThenFromTheArchive(Path.of(System.getProperty("java.home")));
    }

    @Test
    void runsPlainThenFromTheArchiveOnTheOtherJdks() throws Exception {
        String homes = System.getProperty("konnect.launcher.jdks", "").trim();
        assumeFalse(homes.isEmpty(), "no -Dkonnect.launcher.jdks");
        for (String home : homes.split(",")) {
            runsPlainThenFromTheArchive(Path.of(home.trim()));
        }
    }

    /**
     * On JDK 17 to 24 the launcher records a static archive, the only kind there that keeps picocli's and luaj's
     * classes (compiled for Java 5 and 1.3); a dynamic one left out about 430 of them.
     */
    @Test
    void theArchiveOfJdk17To24HoldsPicocliAndLuaj() throws Exception {
        int feature = Runtime.version().feature();
        assumeTrue(feature >= 17 && feature < 25, "JDK " + feature + " records another kind of archive");
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "stream-headers", "X-One");
        Path cache = Files.createTempDirectory(work, "cache");
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), cache);
        env.put("KONNECT_PLUGINS_JAVA_OPTS", "-Xlog:class+load=info:stdout");

        launch(env, "validate", plugins.toString());
        Path archive = recorded(cache);
        Result result = launch(env, "validate", "--jobs", "1", plugins.toString()); // an option: picocli

        assertThat(archive.toString()).endsWith(".jsa");
        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.out).contains("picocli.CommandLine source: shared objects file",
                "org.luaj.vm2.LuaValue source: shared objects file",
                "org.luaj.vm2.compiler.LuaC source: shared objects file");
    }

    @Test
    void cacheOffRunsPlainJavaJarAndRecordsNothing() throws Exception {
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), work.resolve("cache"));
        env.put("KONNECT_PLUGINS_CACHE", "off");
        Result result = launch(env, "--version");
        assertThat(result.exitCode).isZero();
        assertThat(result.out).isEqualTo("konnect-plugins " + version + "\n");
        assertThat(result.err).startsWith("konnect-plugins: ").contains("-XX:TieredStopAtLevel=1", " -jar ")
                .doesNotContain("-XX:AOTCache", "-XX:SharedArchiveFile");
        assertThat(work.resolve("cache")).doesNotExist();
    }

    @Test
    void aCollectorInTheOptionsReplacesTheLaunchersOwn() throws Exception {
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "stream-headers", "X-One");
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), work.resolve("cache"));
        env.put("KONNECT_PLUGINS_CACHE", "off");

        Result own = launch(env, "validate", plugins.toString());
        env.put("KONNECT_PLUGINS_JAVA_OPTS", "-XX:+UseParallelGC");
        Result given = launch(env, "validate", plugins.toString());

        assertThat(own.exitCode).as(own.toString()).isZero();
        assertThat(own.err).contains("-XX:+UseSerialGC");
        assertThat(given.exitCode).as("the JVM refuses two collectors: " + given).isZero();
        assertThat(given.err).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void hugePagesOnlyWhenTheKernelGivesThem() throws Exception {
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(modes) ? Files.readString(modes) : "";
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), work.resolve("cache"));
        env.put("KONNECT_PLUGINS_CACHE", "off");
        Result result = launch(env, "--help");

        assertThat(result.exitCode).as(result.toString()).isZero();
        if (mode.contains("[madvise]") || mode.contains("[always]")) {
            assertThat(result.err).as("kernel mode " + mode).contains(" -XX:+UseTransparentHugePages ");
        } else {
            assertThat(result.err).as("kernel mode " + mode).doesNotContain("UseTransparentHugePages");
        }
        assertThat(result.err.lines()).as("the command line, and nothing from the JVM").hasSize(1);
    }

    @Test
    void c1WaitsLongerForAFewPluginsThanForAFolderOfMany() throws Exception {
        Path few = work.resolve("few");
        Path many = work.resolve("many");
        for (int i = 0; i < 4; i++) {
            SamplePlugins.write(i < 3 ? few : many, "plugin-" + i, "X-" + i);
            SamplePlugins.write(many, "plugin-" + i, "X-" + i);
        }
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), work.resolve("cache"));
        env.put("KONNECT_PLUGINS_CACHE", "off");

        Result one = launch(env, "validate", few.resolve("plugin-0").toString());
        Result three = launch(env, "validate", few.toString());
        Result four = launch(env, "validate", many.toString());
        Result fourNamed = launch(env, "validate", "--output=text", few.toString(), many.resolve("plugin-3").toString());

        String tenfold = "-XX:Tier3InvocationThreshold=2000";
        for (Result startUp : List.of(one, three)) {
            assertThat(startUp.exitCode).as(startUp.toString()).isZero();
            assertThat(startUp.err).contains(tenfold);
        }
        for (Result throughput : List.of(four, fourNamed)) {
            assertThat(throughput.exitCode).as(throughput.toString()).isZero();
            assertThat(throughput.err).contains("-XX:TieredStopAtLevel=1").doesNotContain("Tier3");
        }
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Map<String, String> env = environment(Path.of(System.getProperty("java.home")), work.resolve("cache"));
        env.put("KONNECT_PLUGINS_JAR", work.resolve("nowhere.jar").toString());
        Result result = launch(env, "--version");
        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.err).startsWith("konnect-plugins: no konnect-plugins-cli-*.jar")
                .contains("KONNECT_PLUGINS_JAR");
    }

    private void runsPlainThenFromTheArchive(Path javaHome) throws Exception {
        Path cache = Files.createTempDirectory(work, "cache");
        Path plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "stream-headers", "X-One");
        Path broken = SamplePlugins.write(work.resolve("broken"), "broken", "X-Two");
        Files.writeString(broken.resolve("handler.lua"), "return {", StandardCharsets.UTF_8);
        Map<String, String> env = environment(javaHome, cache);

        Result first = launch(env, "validate", plugins.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(first.out).isEqualTo("1 plugin checked: all valid (0 errors, 0 warnings)\n");
        assertThat(first.err).as("plain java -jar while the archive is recorded")
                .doesNotContain("-XX:AOTCache", "-XX:SharedArchiveFile");

        Path archive = recorded(cache);
        String option = archive.toString().endsWith(".aot") ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        Result valid = launch(env, "validate", plugins.toString());
        assertThat(valid.exitCode).as(valid.toString()).isZero();
        assertThat(valid.out).isEqualTo(first.out);
        assertThat(valid.err.lines()).as("the command line, and nothing from the JVM").singleElement().asString()
                .contains(option + archive, " -jar ");
        Result versionOnly = launch(env, "--version");
        assertThat(versionOnly.out).isEqualTo("konnect-plugins " + version + "\n");
        assertThat(versionOnly.err).as("the version needs no archive")
                .doesNotContain("-XX:AOTCache", "-XX:SharedArchiveFile");
        Result invalid = launch(env, "validate", broken.toString());
        assertThat(invalid.exitCode).as(invalid.toString()).isEqualTo(1);
        assertThat(invalid.out).contains("1 error");
        assertThat(invalid.err.lines()).singleElement().asString().contains(option);

        Files.write(archive, new byte[4096]); // a file the JVM cannot map: ignored, silently
        Result unusable = launch(env, "validate", plugins.toString());
        assertThat(unusable.exitCode).as(unusable.toString()).isZero();
        assertThat(unusable.out).isEqualTo(valid.out);
        assertThat(unusable.err.lines()).singleElement().asString().contains(option);
    }

    /** The archive the first use recorded in the background, once it is complete (its lock gone). */
    private static Path recorded(Path cache) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECORDING_SECONDS);
        while (System.nanoTime() < deadline) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(cache)) {
                files = listing.toList();
            }
            List<Path> archives = files.stream().filter(file -> file.toString().matches(".*\\.(jsa|aot)")).toList();
            if (!archives.isEmpty() && files.stream().noneMatch(file -> file.toString().endsWith(".lock"))) {
                assertThat(archives).hasSize(1);
                assertThat(files).as("no partial file left").hasSize(1);
                return archives.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no archive recorded in " + cache + " within " + RECORDING_SECONDS + " s");
    }

    private static Map<String, String> environment(Path javaHome, Path cache) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KONNECT_PLUGINS_CACHE", cache.toString());
        env.put("KONNECT_PLUGINS_DEBUG", "1");
        return env;
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("out").toFile()).redirectError(work.resolve("err").toFile());
        builder.environment().remove("KONNECT_PLUGINS_JAVA_OPTS");
        builder.environment().remove("KONNECT_PLUGINS_JAR");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the launcher did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(work.resolve("out")),
                Files.readString(work.resolve("err")));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
