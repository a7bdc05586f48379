package dev.konnectplugins.examples;

import static dev.konnectplugins.examples.BuildFixture.deleteRecursively;
import static dev.konnectplugins.examples.BuildFixture.property;
import static dev.konnectplugins.examples.BuildFixture.requireDeployed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The root README's "complete minimal project" is a project: its pom.xml, verbatim, with the README's JUnit test of
 * a deploy against FakeKonnect (the "Testing your own tool with FakeKonnect" block, verbatim) as its only source, is
 * built by a real {@code mvn verify}, with the Maven that runs this build, on this build's JDK.
 *
 * <p>That build resolves the SDK (the BOM, its parent and the modules) only from the build repository that the SDK
 * modules deploy themselves to during {@code verify}, so it tests this build's artifacts whatever {@code ~/.m2}
 * holds; every other artifact (JUnit, AssertJ, Maven's plugins) comes from the local repository read as a remote
 * one. Both are {@code file:} URLs and a mirror takes every other repository, so the build never reaches the
 * network, and its own local repository is a fresh folder under {@code target/}: nothing is written to
 * {@code ~/.m2}.
 */
class ReadmeProjectIT {
    private static final long TIMEOUT_SECONDS = 300;
    /** The README's test block: the one that uses the JUnit extension. */
    private static final String TEST_BLOCK_MARKER = "@ExtendWith(FakeKonnectExtension.class)";
    private static final String BUILD_REPOSITORY_ID = "konnect-plugins-build";

    @Test
    void theReadmesMinimalProjectBuildsAndItsFakeKonnectTestPasses() throws Exception {
        Path root = Path.of(property("konnect.examples.root")).toAbsolutePath().normalize();
        Path buildRepository = Path.of(property("konnect.examples.build.repository"));
        for (String artifact : List.of("konnect-plugins-parent", "konnect-plugins-bom", "sdk-core", "sdk-validation",
                "sdk-testkit")) {
            requireDeployed(buildRepository, artifact, "The README's project and its build");
        }
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        Path work = Path.of(property("konnect.examples.readme.work"));
        deleteRecursively(work);
        Path project = Files.createDirectories(work.resolve("my-konnect-tool"));

        Files.writeString(project.resolve("pom.xml"), completePom(readme));
        ReadmeSnippetsTest.Snippet test = testBlock(readme);
        Path testSources = Files.createDirectories(project.resolve("src/test/java"));
        Files.writeString(testSources.resolve(test.typeName() + ".java"), test.text());
        // The test uploads kong/plugins/stream-headers, relative to the project: the README's sample plugin.
        copyFolder(Path.of(property("konnect.examples.plugins")).resolve("stream-headers"),
                project.resolve("kong/plugins/stream-headers"));

        Build build = maven(project, work, buildRepository, "verify");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.log()).as(build.toString())
                .contains("Running " + test.typeName(), "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0",
                        "BUILD SUCCESS");
        assertThat(project.resolve("target/my-konnect-tool-1.0.0-SNAPSHOT.jar")).isRegularFile();
    }

    /** The first ```xml block of the README that is a whole pom.xml. */
    private static String completePom(List<String> readme) {
        List<String> blocks = new ArrayList<>();
        int opened = -1;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (opened < 0 && line.strip().equals("```xml")) {
                opened = i + 1;
            } else if (opened >= 0 && line.strip().equals("```")) {
                blocks.add(String.join("\n", readme.subList(opened, i)) + "\n");
                opened = -1;
            }
        }
        return blocks.stream().filter(block -> block.startsWith("<?xml") && block.contains("<project")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no ```xml block with a complete pom.xml"));
    }

    private static ReadmeSnippetsTest.Snippet testBlock(List<String> readme) {
        List<ReadmeSnippetsTest.Snippet> tests = ReadmeSnippetsTest.javaBlocks("README.md", readme).stream()
                .filter(block -> block.text().contains(TEST_BLOCK_MARKER) && block.declaresType()).toList();
        assertThat(tests).as("README.md's ```java blocks with %s", TEST_BLOCK_MARKER).hasSize(1);
        return tests.get(0);
    }

    /**
     * Maven as a user runs it in the project, with settings of its own (see the class comment) and a fresh local
     * repository under {@code work}.
     */
    private static Build maven(Path project, Path work, Path buildRepository, String... goals)
            throws IOException, InterruptedException {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>local-repository-as-remote</id>
                      <mirrorOf>*,!%1$s</mirrorOf>
                      <url>%2$s</url>
                    </mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>%1$s</id>
                      <repositories>
                        <repository>
                          <!-- Central, mirrored above; a local repository holds no checksums for some files. -->
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                        <repository>
                          <id>%1$s</id>
                          <url>%3$s</url>
                          <releases><enabled>false</enabled></releases>
                          <snapshots><enabled>true</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>%1$s</activeProfile></activeProfiles>
                </settings>
                """.formatted(BUILD_REPOSITORY_ID,
                Path.of(property("konnect.examples.local.repository")).toUri(), buildRepository.toUri()));
        List<String> command = new ArrayList<>(List.of(mavenExecutable().toString(), "-B", "-ntp",
                "-Dstyle.color=never", "-s", settings.toString(),
                "-Dmaven.repo.local=" + work.resolve("repository")));
        command.addAll(List.of(goals));
        Path log = work.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A new user's shell: none of the Konnect or Maven settings of whoever runs this build.
        builder.environment().keySet().removeIf(name -> name.startsWith("KONNECT_") || name.startsWith("MAVEN_")
                || name.toUpperCase(Locale.ROOT).endsWith("_PROXY"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("mvn " + String.join(" ", goals) + " did not finish within " + TIMEOUT_SECONDS + " s; log: " + log);
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path mavenExecutable() {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        return Path.of(property("konnect.examples.maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A finished build and its whole log. */
    private record Build(int exitCode, String log) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + log;
        }
    }
}
