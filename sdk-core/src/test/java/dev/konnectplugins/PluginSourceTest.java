package dev.konnectplugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSourceTest {
    @TempDir
    Path dir;

    @Test
    void fromDirectoryNamesThePluginAfterTheFolder() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("stream-headers"));
        Files.writeString(plugin.resolve("handler.lua"), "return { PRIORITY = 1 } -- é");
        Files.writeString(plugin.resolve("schema.lua"), "return { name = 'stream-headers' }");

        PluginSource source = PluginSource.fromDirectory(plugin);

        assertThat(source.name()).isEqualTo("stream-headers");
        assertThat(source.handler()).isEqualTo("return { PRIORITY = 1 } -- é");
        assertThat(source.directory()).hasValue(plugin);
        assertThat(source.withName("other").name()).isEqualTo("other");
        assertThat(source.withTags("a", "b").tags()).containsExactly("a", "b");
        assertThat(source.tags()).isEmpty();
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("js-plugin"));
        Files.writeString(plugin.resolve("handler.js"), "module.exports = {}");

        assertThatThrownBy(() -> PluginSource.fromDirectory(plugin)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not found").hasMessageContaining("handler.lua");
    }

    @Test
    void nonUtf8FileIsNamed() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("latin"));
        Files.write(plugin.resolve("handler.lua"), "-- caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(plugin.resolve("schema.lua"), "return {}");

        assertThatThrownBy(() -> PluginSource.fromDirectory(plugin)).hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("handler.lua");
    }

    @Test
    void blankNameOrTagIsRefused() {
        assertThatThrownBy(() -> PluginSource.of(" ", "", "")).hasMessageContaining("name");
        assertThatThrownBy(() -> PluginSource.of("p", "", "").withTags("ok", "")).hasMessageContaining("tags[1]");
    }
}
