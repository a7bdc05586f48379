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
    void linkLeavingThePluginIsRefusedWithoutItsContent() throws Exception {
        Path secret = Files.writeString(dir.resolve("token.txt"), "kpat_secret_value");
        Path plugin = Files.createDirectory(dir.resolve("leaky"));
        Files.createSymbolicLink(plugin.resolve("handler.lua"), secret);
        Files.writeString(plugin.resolve("schema.lua"), "return { name = 'leaky' }");

        assertThatThrownBy(() -> PluginSource.fromDirectory(plugin)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("handler.lua").hasMessageContaining("outside the plugin directory")
                .hasMessageNotContaining("kpat_secret_value");
    }

    @Test
    void linkInsideThePluginIsFollowed() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("linked"));
        Path real = Files.writeString(plugin.resolve("handler-v2.lua"), "return {}");
        Files.createSymbolicLink(plugin.resolve("handler.lua"), real.getFileName());
        Files.writeString(plugin.resolve("schema.lua"), "return { name = 'linked' }");

        assertThat(PluginSource.fromDirectory(plugin).handler()).isEqualTo("return {}");
    }

    @Test
    void directoryOrDeviceNamedLikeAPluginFileIsRefusedBeforeItIsOpened() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("odd"));
        Files.createDirectory(plugin.resolve("handler.lua"));
        Files.writeString(plugin.resolve("schema.lua"), "return { name = 'odd' }");

        assertThatThrownBy(() -> PluginSource.fromDirectory(plugin)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("handler.lua").hasMessageContaining("is a directory");

        Path zero = Files.createDirectory(dir.resolve("zero"));
        Files.createSymbolicLink(zero.resolve("handler.lua"), Path.of("/dev/zero"));
        Files.writeString(zero.resolve("schema.lua"), "return { name = 'zero' }");
        assertThatThrownBy(() -> PluginSource.fromDirectory(zero)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("handler.lua");
        Files.delete(zero.resolve("handler.lua")); // JUnit warns about links out of its temp dir
    }

    @Test
    void oversizedFileIsRefusedWithItsLimit() throws Exception {
        Path plugin = Files.createDirectory(dir.resolve("huge"));
        Files.write(plugin.resolve("handler.lua"), new byte[PluginSource.MAX_FILE_BYTES + 1]);
        Files.writeString(plugin.resolve("schema.lua"), "return { name = 'huge' }");

        assertThatThrownBy(() -> PluginSource.fromDirectory(plugin)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("handler.lua").hasMessageContaining("larger than " + PluginSource.MAX_FILE_BYTES);
    }

    @Test
    void blankNameOrTagIsRefused() {
        assertThatThrownBy(() -> PluginSource.of(" ", "", "")).hasMessageContaining("name");
        assertThatThrownBy(() -> PluginSource.of("p", "", "").withTags("ok", "")).hasMessageContaining("tags[1]");
    }

    @Test
    void findDirectoriesSeesTheThreeLayoutsAndSkipsHiddenAndEmptySubFolders() throws Exception {
        Path single = Files.createDirectories(dir.resolve("single"));
        Files.writeString(single.resolve("schema.lua"), "return {}");
        Path perFolder = dir.resolve("per-folder");
        for (String name : new String[] {"beta", "alpha", ".hidden"}) {
            Files.writeString(Files.createDirectories(perFolder.resolve(name)).resolve("handler.lua"), "return {}");
        }
        Files.createDirectories(perFolder.resolve("docs"));
        Path template = Files.createDirectories(dir.resolve("repo/kong/plugins/templated"));
        Files.writeString(template.resolve("handler.lua"), "return {}");

        assertThat(PluginSource.findDirectories(single)).containsExactly(single);
        assertThat(PluginSource.findDirectories(perFolder))
                .containsExactly(perFolder.resolve("alpha"), perFolder.resolve("beta"));
        assertThat(PluginSource.findDirectories(dir.resolve("repo"))).containsExactly(template);
        assertThat(PluginSource.findDirectories(perFolder.resolve("docs"))).isEmpty();
        assertThatThrownBy(() -> PluginSource.findDirectories(dir.resolve("nope")))
                .isInstanceOf(UncheckedIOException.class).hasMessageEndingWith(dir.resolve("nope") + ": no such folder");
    }
}
