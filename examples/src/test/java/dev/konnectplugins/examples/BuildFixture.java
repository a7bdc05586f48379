package dev.konnectplugins.examples;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the integration tests take from the Maven build that runs them: failsafe's properties, its folders. */
final class BuildFixture {
    private BuildFixture() {
    }

    /** A system property failsafe sets (see the pom); fails the test, saying so, when it is not set. */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            fail("System property " + name + " is not set; run this test through Maven (failsafe sets it)");
        }
        return value;
    }

    /**
     * Fails unless this version of {@code artifact} is in the build repository, which the SDK modules deploy
     * themselves to during {@code verify}; {@code who} says what resolves the SDK from there.
     */
    static void requireDeployed(Path repository, String artifact, String who) {
        String version = property("konnect.examples.version");
        Path metadata = repository.resolve(Path.of("dev", "konnectplugins", artifact, version, "maven-metadata.xml"));
        if (!Files.isRegularFile(metadata)) {
            fail(metadata + " is missing. " + who + " resolve the SDK from the build repository the SDK modules "
                    + "deploy to during verify: run `mvn verify` from the repository root.");
        }
    }

    /** Deletes {@code directory} and everything below it, when it exists. */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
