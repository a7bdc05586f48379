package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.GOOD_HANDLER;
import static dev.konnectplugins.validation.Plugins.GOOD_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9's rows about hostile plugin folders and schemas: each input, and what the validator makes of it. */
class HostileInputTest {
    private static final String SECRET = "kpat_DO_NOT_PRINT_0123456789";

    @TempDir
    Path tmp;

    private Path plugin() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(dir.resolve("handler.lua"), GOOD_HANDLER);
        Files.writeString(dir.resolve("schema.lua"), GOOD_SCHEMA);
        return dir;
    }

    private static List<Diagnostic> errors(ValidationResult result, String rule) {
        return result.errors().stream().filter(d -> d.rule().equals(rule)).toList();
    }

    /** The one error of {@code rule} on {@code file}, whose message must not contain {@code SECRET}. */
    private static String onlyError(ValidationResult result, String rule, String file) {
        assertThat(result.valid()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).noneMatch(m -> m.contains(SECRET));
        List<Diagnostic> found = errors(result, rule);
        assertThat(found).as("%s", result.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.file()).isEqualTo(file));
        return found.get(0).message();
    }

    @Nested
    class Row5CyclicOrDeepSchemaTables {
        @Test
        @Timeout(30)
        void aCyclicSchemaTableIsASchemaShapeError() {
            String schema = """
                    local r = { type = "record" }
                    r.fields = { { inner = r } }
                    return { name = "my-plugin", fields = { { config = r } } }
                    """;
            ValidationResult result = Plugins.VALIDATOR.validate(PluginSource.of("my-plugin", GOOD_HANDLER, schema));
            assertThat(errors(result, Rules.SCHEMA_SHAPE)).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(2);
                assertThat(d.message()).contains("field 'inner' contains itself (a cyclic table)");
            });
        }

        @Test
        @Timeout(30)
        void aCycleThroughArrayElementsToo() {
            String schema = """
                    local a = { type = "array" }
                    a.elements = a
                    return { name = "my-plugin", fields = { { config = { type = "record",
                      fields = { { list = a } } } } } }
                    """;
            assertThat(Plugins.schema(schema)).filteredOn(d -> d.rule().equals(Rules.SCHEMA_SHAPE))
                    .singleElement().satisfies(d -> assertThat(d.message()).contains("contains itself"));
        }

        /** Kong's oracle: 150 nested records load, 170 no longer finish validating. */
        @Test
        @Timeout(30)
        void nestingIsRefusedWhereKongStopsFinishing() {
            String nested = """
                    local f = { type = "string" }
                    for i = 1, %d do f = { type = "record", fields = { { f = f } } } end
                    return { name = "my-plugin", fields = { { config = f } } }
                    """;
            Plugins.assertNoErrors(Plugins.schema(nested.formatted(150)));
            assertThat(Plugins.errors(Plugins.schema(nested.formatted(170)))).singleElement()
                    .satisfies(d -> assertThat(d.message()).contains("nested more than 160 levels deep"));
            assertThat(Plugins.errors(Plugins.schema(nested.formatted(100_000)))).singleElement()
                    .satisfies(d -> assertThat(d.rule()).isEqualTo(Rules.SCHEMA_SHAPE));
        }

        /** Shared subtables: depth 30 is a billion fields to walk; Kong's oracle loads ~2,000, not ~30,000. */
        @Test
        @Timeout(30)
        void sharedSubtablesCannotMakeTheWalkExponential() {
            String doubling = """
                    local f = { type = "string" }
                    for i = 1, %d do f = { type = "record", fields = { { a = f }, { b = f } } } end
                    return { name = "my-plugin", fields = { { config = f } } }
                    """;
            Plugins.assertNoErrors(Plugins.schema(doubling.formatted(10)));
            assertThat(Plugins.errors(Plugins.schema(doubling.formatted(30)))).singleElement()
                    .satisfies(d -> assertThat(d.message()).contains("more than 10000 field definitions"));
        }

        @Test
        @Timeout(60)
        void upsertRefusesItWithAKonnectExceptionAndSendsNothing() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
            server.start();
            try (Konnect konnect = Konnect.builder().baseUrl(URI.create("http://localhost:" + server.port()))
                    .token("kpat_x").build()) {
                PluginSource cyclic = PluginSource.of("my-plugin", GOOD_HANDLER,
                        "local r = { type = 'record' } r.fields = { { inner = r } }\n"
                                + "return { name = 'my-plugin', fields = { { config = r } } }");
                assertThatThrownBy(() -> konnect.controlPlane("0b5e3b8a-4e2f-4c1e-9d55-7c0a3c1b2d3e").customPlugins()
                        .upsert(cyclic)).isInstanceOfSatisfying(PluginValidationException.class, e ->
                        assertThat(e.errors()).extracting(Diagnostic::rule).containsExactly(Rules.SCHEMA_SHAPE));
                assertThat(server.getAllServeEvents()).isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    @Nested
    class Row8SymlinksOutOfThePluginFolder {
        @Test
        void aHandlerLinkedToASecretIsNeitherReadNorPrinted() throws IOException {
            Path secret = Files.writeString(tmp.resolve("token"), SECRET + " = 1\n");
            Path dir = plugin();
            Files.delete(dir.resolve("handler.lua"));
            Files.createSymbolicLink(dir.resolve("handler.lua"), secret);
            String message = onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE,
                    "handler.lua");
            assertThat(message).startsWith("handler.lua is a symbolic link to a file outside the plugin folder");
        }

        @Test
        void aRelativeLinkThatClimbsOutIsRefusedToo() throws IOException {
            Files.writeString(tmp.resolve("schema.lua"), SECRET);
            Path dir = plugin();
            Files.delete(dir.resolve("schema.lua"));
            Files.createSymbolicLink(dir.resolve("schema.lua"), Path.of("..", "schema.lua"));
            assertThat(onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE, "schema.lua"))
                    .contains("outside the plugin folder");
        }

        @Test
        void systemFilesAreNotRead() throws IOException {
            for (String target : List.of("/etc/hostname", "/proc/self/environ")) {
                assumeThat(Path.of(target)).exists();
                Path dir = plugin();
                Files.delete(dir.resolve("handler.lua"));
                Files.createSymbolicLink(dir.resolve("handler.lua"), Path.of(target));
                ValidationResult result = Plugins.VALIDATOR.validateDirectory(dir);
                assertThat(onlyError(result, Rules.FILES_UNREADABLE, "handler.lua")).as(target)
                        .contains("symbolic link to a file outside the plugin folder");
                assertThat(result.diagnostics()).as(target).extracting(Diagnostic::rule)
                        .doesNotContain(Rules.LUA_SYNTAX, Rules.HANDLER_SHAPE);
                Files.delete(dir.resolve("handler.lua"));
            }
        }

        @Test
        void aLinkInsideTheFolderIsFollowed() throws IOException {
            Path dir = plugin();
            Files.move(dir.resolve("handler.lua"), dir.resolve("handler.txt"));
            Files.createSymbolicLink(dir.resolve("handler.lua"), Path.of("handler.txt"));
            ValidationResult result = Plugins.VALIDATOR.validateDirectory(dir);
            assertThat(result.valid()).as("%s", result.diagnostics()).isTrue();
        }

        @Test
        void anUploadFromSuchAFolderIsRefusedBeforeTheFileIsRead() throws IOException {
            Path dir = plugin();
            Path outside = Files.writeString(tmp.resolve("elsewhere.lua"), "-- kpat_secret_value\n" + GOOD_HANDLER);
            Files.delete(dir.resolve("handler.lua"));
            Files.createSymbolicLink(dir.resolve("handler.lua"), outside);
            assertThatThrownBy(() -> PluginSource.fromDirectory(dir)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("handler.lua").hasMessageContaining("outside the plugin directory")
                    .hasMessageNotContaining("kpat_secret_value");
        }
    }

    @Nested
    class Row10NotRegularFiles {
        @Test
        void aDirectoryNamedHandlerLua() throws IOException {
            Path dir = plugin();
            Files.delete(dir.resolve("handler.lua"));
            Files.createDirectories(dir.resolve("handler.lua"));
            assertThat(onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE, "handler.lua"))
                    .startsWith("handler.lua is a directory, not a regular file");
        }

        @Test
        @Timeout(value = 30, unit = TimeUnit.SECONDS)
        void aFifoIsNotOpened() throws IOException, InterruptedException {
            Path dir = plugin();
            Files.delete(dir.resolve("schema.lua"));
            Path fifo = dir.resolve("schema.lua");
            int status;
            try {
                status = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
            } catch (IOException e) {
                status = -1;
            }
            assumeThat(status).as("mkfifo available").isZero();
            assertThat(onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE, "schema.lua"))
                    .startsWith("schema.lua is a named pipe (FIFO), not a regular file");
        }

        @Test
        @Timeout(30)
        void aLinkToDevZero() throws IOException {
            assumeThat(Path.of("/dev/zero")).exists();
            Path dir = plugin();
            Files.delete(dir.resolve("handler.lua"));
            Files.createSymbolicLink(dir.resolve("handler.lua"), Path.of("/dev/zero"));
            assertThat(onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE, "handler.lua"))
                    .startsWith("handler.lua is a symbolic link to a character device outside the plugin folder");
            Files.delete(dir.resolve("handler.lua")); // JUnit warns about links out of its temp dir
        }

        @Test
        void aDanglingLink() throws IOException {
            Path dir = plugin();
            Files.delete(dir.resolve("handler.lua"));
            Files.createSymbolicLink(dir.resolve("handler.lua"), Path.of("nowhere.lua"));
            assertThat(onlyError(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNREADABLE, "handler.lua"))
                    .isEqualTo("handler.lua is a symbolic link to a file that does not exist");
        }

        @Test
        void linksElsewhereInTheFolderAreNotFollowedIntoTheWalk() throws IOException {
            Path dir = plugin();
            Path outside = Files.createDirectories(tmp.resolve("outside"));
            Files.writeString(outside.resolve("module.lua"), "return {}");
            Files.createSymbolicLink(dir.resolve("lib"), outside);
            ValidationResult result = Plugins.VALIDATOR.validateDirectory(dir);
            assertThat(result.valid()).as("%s", result.diagnostics()).isTrue();
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/module.lua"), "return {}");
            assertThat(errors(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_UNSUPPORTED))
                    .extracting(Diagnostic::file).containsExactly("src/module.lua");
        }
    }

    @Nested
    class NoFailureEscapes {
        @Test
        void anInterruptedValidationFailsClosedWithADiagnostic() {
            Thread.currentThread().interrupt();
            ValidationResult result;
            try {
                result = Plugins.VALIDATOR.validate(PluginSource.of("my-plugin", GOOD_HANDLER, GOOD_SCHEMA));
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
            }
            assertThat(result.errors()).singleElement().satisfies(d -> {
                assertThat(d.rule()).isEqualTo(Rules.VALIDATION_INCOMPLETE);
                assertThat(d.message()).startsWith("the validator could not finish checking")
                        .contains("IllegalStateException: Interrupted while");
            });
        }
    }
}
