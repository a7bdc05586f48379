package dev.konnectplugins.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateTest {
    @TempDir
    Path folder;

    @Test
    void readsOnePluginPerSubFolderSortedByNameIgnoringOthers() throws IOException {
        Plugins.write(folder, "beta", "X");
        Plugins.write(folder, "alpha", "X");
        Files.createDirectories(folder.resolve("docs"));
        Plugins.write(folder.resolve(".git"), "hidden", "X");

        DesiredState desired = DesiredState.fromFolder(folder);

        assertThat(desired.plugins()).extracting(PluginSource::name).containsExactly("alpha", "beta");
        assertThat(desired.folder()).contains(folder);
    }

    @Test
    void readsASinglePluginFolderAndKongsTemplateLayout() {
        Path single = Plugins.write(folder, "solo", "X");
        Plugins.write(folder.resolve("repo/kong/plugins"), "templated", "X");

        assertThat(DesiredState.fromFolder(single).plugins()).extracting(PluginSource::name).containsExactly("solo");
        assertThat(DesiredState.fromFolder(folder.resolve("repo")).plugins()).extracting(PluginSource::name)
                .containsExactly("templated");
    }

    @Test
    void aFolderWithoutPluginsIsRefusedNamingIt() {
        assertThatThrownBy(() -> DesiredState.fromFolder(folder)).isInstanceOf(DesiredStateException.class)
                .hasMessageStartingWith(folder + ": no plugins found");
        assertThatThrownBy(() -> DesiredState.fromFolder(folder.resolve("nope")))
                .hasMessage(folder.resolve("nope") + ": no such folder");
    }

    @Test
    void everyProblemIsListedEachNamingItsFolder() throws IOException {
        Path half = Files.createDirectories(folder.resolve("half"));
        Files.writeString(half.resolve("handler.lua"), Plugins.handler("X"));
        Path other = Files.createDirectories(folder.resolve("other"));
        Files.writeString(other.resolve("schema.lua"), Plugins.schema("other"));

        assertThatThrownBy(() -> DesiredState.fromFolder(folder)).isInstanceOfSatisfying(
                DesiredStateException.class, e -> {
                    assertThat(e.folder()).contains(folder);
                    assertThat(e.problems()).containsExactly(
                            half + ": has handler.lua but no schema.lua; a plugin needs both",
                            other + ": has schema.lua but no handler.lua; a plugin needs both");
                    assertThat(e.getMessage()).startsWith(folder + ": 2 problems:");
                });
    }

    @Test
    void aNameOtherThanTheSchemasIsLeftToValidationWhichReportsItWithEveryOtherFinding() throws IOException {
        Path renamed = Plugins.write(folder, "renamed", "X");
        Files.writeString(renamed.resolve("schema.lua"), Plugins.schema("original"));

        assertThat(DesiredState.fromFolder(folder).plugins()).extracting(PluginSource::name)
                .containsExactly("renamed");
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Path broken = Plugins.write(folder, "broken", "X");
        Files.write(broken.resolve("handler.lua"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        assertThatThrownBy(() -> DesiredState.fromFolder(folder)).isInstanceOf(DesiredStateException.class)
                .hasMessageContaining(broken.resolve("handler.lua").toString()).hasMessageContaining("UTF-8");
    }

    @Test
    void pluginsGivenInMemoryMustHaveDistinctNames() {
        PluginSource one = PluginSource.of("dup", Plugins.handler("X"), Plugins.schema("dup"));

        assertThatThrownBy(() -> DesiredState.of(List.of(one, one))).isInstanceOf(DesiredStateException.class)
                .hasMessage("plugin dup: duplicate plugin name 'dup'");
    }

    @Test
    void managedTagsMustBeValidKongTags() {
        assertThatThrownBy(() -> SyncOptions.builder().managedTag("a,b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("managedTag 'a,b' is not a valid Kong tag");
        assertThatThrownBy(() -> SyncOptions.builder().tags("ok", "x/y"))
                .hasMessageContaining("tags[1] 'x/y'");
        assertThat(SyncOptions.builder().managedTag("owned by ci").build().managedTag()).isEqualTo("owned by ci");
    }
}
