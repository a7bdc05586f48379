package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.GOOD_HANDLER;
import static dev.konnectplugins.validation.Plugins.GOOD_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesRulesTest {
    @TempDir
    Path tmp;

    private Path plugin(String... extraFiles) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(dir.resolve("handler.lua"), GOOD_HANDLER);
        Files.writeString(dir.resolve("schema.lua"), GOOD_SCHEMA);
        for (String file : extraFiles) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "return {}\n");
        }
        return dir;
    }

    private static List<Diagnostic> errorsOf(ValidationResult result, String rule) {
        return result.errors().stream().filter(d -> d.rule().equals(rule)).toList();
    }

    @Test
    void aGoodDirectoryIsValidAndNamedAfterTheFolder() throws IOException {
        ValidationResult result = Plugins.VALIDATOR.validateDirectory(plugin("README.md", "spec/handler_spec.lua",
                ".github/workflows/x.lua", "config.json"));
        assertThat(result.valid()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.name()).isEqualTo("my-plugin");
    }

    @Test
    void missingFiles() throws IOException {
        Path dir = plugin();
        Files.delete(dir.resolve("handler.lua"));
        Files.writeString(dir.resolve("handler.js"), "module.exports = {}");
        ValidationResult result = Plugins.VALIDATOR.validateDirectory(dir);
        assertThat(errorsOf(result, Rules.FILES_MISSING)).singleElement()
                .satisfies(d -> assertThat(d.file()).isEqualTo("handler.lua"))
                .satisfies(d -> assertThat(d.message()).contains("handler.js"));
        assertThat(errorsOf(result, Rules.FILES_UNSUPPORTED)).extracting(Diagnostic::file).containsExactly("handler.js");
        Files.delete(dir.resolve("schema.lua"));
        assertThat(errorsOf(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_MISSING)).hasSize(2);
    }

    @Test
    void unsupportedFiles() throws IOException {
        ValidationResult result = Plugins.VALIDATOR.validateDirectory(plugin("daos.lua", "api.lua", "access.lua",
                "migrations/000_base.lua", "lib/helper.lua", "filter.wasm"));
        assertThat(errorsOf(result, Rules.FILES_UNSUPPORTED)).extracting(Diagnostic::file).containsExactly(
                "access.lua", "api.lua", "daos.lua", "filter.wasm", "lib/helper.lua", "migrations/000_base.lua");
    }

    @Test
    void sizeLimitIsAnOption() throws IOException {
        Path dir = plugin();
        Files.writeString(dir.resolve("handler.lua"), GOOD_HANDLER + "-- " + "x".repeat(120 * 1024) + "\n");
        assertThat(errorsOf(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_SIZE)).singleElement()
                .satisfies(d -> assertThat(d.file()).isEqualTo("handler.lua"));
        PluginValidator lenient = PluginValidator.builder().maxFileSize(200 * 1024).build();
        assertThat(lenient.validateDirectory(dir).valid()).isTrue();
        PluginValidator strict = PluginValidator.builder().maxFileSize(100).build();
        assertThat(errorsOf(strict.validate(PluginSource.of("my-plugin", GOOD_HANDLER, GOOD_SCHEMA)), Rules.FILES_SIZE))
                .hasSize(2);
    }

    @Test
    void aHundredKilobyteHandlerIsAccepted() throws IOException {
        Path dir = plugin();
        String padding = "-- " + "y".repeat(100) + "\n";
        StringBuilder handler = new StringBuilder(GOOD_HANDLER);
        while (handler.length() + padding.length() <= 100 * 1024) {
            handler.append(padding);
        }
        Files.writeString(dir.resolve("handler.lua"), handler);
        assertThat(Plugins.VALIDATOR.validateDirectory(dir).valid()).isTrue();
    }

    @Test
    void nonUtf8IsAnEncodingError() throws IOException {
        Path dir = plugin();
        byte[] latin1 = "-- caf\u00e9\nlocal x = 1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] handler = GOOD_HANDLER.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[latin1.length + handler.length];
        System.arraycopy(latin1, 0, both, 0, latin1.length);
        System.arraycopy(handler, 0, both, latin1.length, handler.length);
        Files.write(dir.resolve("handler.lua"), both);
        assertThat(errorsOf(Plugins.VALIDATOR.validateDirectory(dir), Rules.FILES_ENCODING)).singleElement()
                .satisfies(d -> assertThat(d.line()).isEqualTo(1));
    }

    @Test
    void inMemorySourceFromADirectoryChecksTheDirectoryButUsesTheSourceText() throws IOException {
        Path dir = plugin("daos.lua");
        PluginSource source = PluginSource.fromDirectory(dir).withName("renamed");
        ValidationResult result = Plugins.VALIDATOR.validate(source);
        assertThat(result.name()).isEqualTo("renamed");
        assertThat(result.errors()).extracting(Diagnostic::rule)
                .contains(Rules.FILES_UNSUPPORTED, Rules.NAME_MISMATCH);
    }

    @Test
    void templateRepositoryLayoutIsSearched() throws IOException {
        Path repo = tmp.resolve("repo");
        for (String name : List.of("alpha-one", "beta-two")) {
            Path dir = Files.createDirectories(repo.resolve("kong/plugins/" + name));
            Files.writeString(dir.resolve("handler.lua"), GOOD_HANDLER);
            Files.writeString(dir.resolve("schema.lua"), GOOD_SCHEMA.replace("my-plugin", name));
        }
        Files.createDirectories(repo.resolve("spec"));
        List<ValidationResult> results = Plugins.VALIDATOR.validateAll(repo);
        assertThat(results).extracting(ValidationResult::name).containsExactly("alpha-one", "beta-two");
        assertThat(results).allMatch(ValidationResult::valid);
    }

    @Test
    void missingDirectoryIsAnIoError() {
        assertThatThrownBy(() -> Plugins.VALIDATOR.validateDirectory(tmp.resolve("nope")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("No such directory");
    }
}
