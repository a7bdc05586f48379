package dev.konnectplugins.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.validation.Rules;
import java.io.IOException;
import dev.konnectplugins.internal.ContainedFiles;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the validator cannot read. The tests run as root, who can read anything, so the file system is simulated
 * here: an {@link PluginFolder.Access} that refuses what a less privileged user would be refused.
 */
class PluginFolderTest {
    @TempDir
    Path tmp;
    private Path dir;
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void plugin() throws IOException {
        dir = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(dir.resolve("handler.lua"), "return { PRIORITY = 1, VERSION = '1.0.0' }");
        Files.writeString(dir.resolve("schema.lua"), "return { name = 'my-plugin', fields = {} }");
    }

    /** The real file system, except that opening {@code refusedFile} or listing {@code refusedFolder} fails. */
    private PluginFolder.Access refusing(Path refusedFile, Path refusedFolder, IOException failure) {
        return new PluginFolder.Access() {
            @Override
            public SeekableByteChannel open(ContainedFiles files, Path relative) throws IOException {
                opened.add(relative);
                if (relative.endsWith(refusedFile)) {
                    throw failure;
                }
                return PluginFolder.FILE_SYSTEM.open(files, relative);
            }

            @Override
            public DirectoryStream<Path> list(Path directory) throws IOException {
                if (refusedFolder != null && directory.endsWith(refusedFolder)) {
                    throw failure;
                }
                return PluginFolder.FILE_SYSTEM.list(directory);
            }
        };
    }

    private List<Diagnostic> findings(PluginFolder.Access access) {
        return PluginFiles.fromDirectory(dir, 100 * 1024, access).findings();
    }

    @Test
    void anUnreadableFileSaysWhy() {
        List<Diagnostic> found = findings(refusing(Path.of("schema.lua"), null,
                new AccessDeniedException(dir.resolve("schema.lua").toString())));
        assertThat(found).containsExactly(new Diagnostic(Rules.FILES_UNREADABLE, Severity.ERROR, "schema.lua", 0, 0,
                "schema.lua cannot be read: permission denied"));
    }

    @Test
    void anIoErrorSaysWhichOne() {
        List<Diagnostic> found = findings(refusing(Path.of("handler.lua"), null,
                new FileSystemException(dir.resolve("handler.lua").toString(), null, "Input/output error")));
        assertThat(found).extracting(Diagnostic::message).containsExactly("handler.lua cannot be read: input/output error");
    }

    @Test
    void anUnreadableUnrelatedFolderIsAWarningAndTheRestIsStillChecked() throws IOException {
        Files.createDirectories(dir.resolve("docs/private"));
        Files.writeString(dir.resolve("docs/private/notes.md"), "x");
        Files.writeString(dir.resolve("extra.lua"), "return {}");
        List<Diagnostic> found = findings(refusing(Path.of("nothing"), Path.of("docs/private"),
                new AccessDeniedException(dir.resolve("docs/private").toString())));
        assertThat(found).extracting(Diagnostic::rule, Diagnostic::severity, Diagnostic::file).containsExactly(
                tuple(Rules.FILES_UNREADABLE, Severity.WARNING, "docs/private/"),
                tuple(Rules.FILES_UNSUPPORTED, Severity.ERROR, "extra.lua"));
        assertThat(found.get(0).message()).startsWith("the folder 'docs/private' cannot be listed (permission denied)");
    }

    @Test
    void anUnreadableTestFolderIsNotEvenEntered() throws IOException {
        Files.createDirectories(dir.resolve("spec"));
        List<Diagnostic> found = findings(refusing(Path.of("nothing"), Path.of("spec"),
                new AccessDeniedException(dir.resolve("spec").toString())));
        assertThat(found).isEmpty();
    }

    @Test
    void onlyRegularFilesInsideTheFolderAreOpened() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.lua"), "return {}");
        Files.delete(dir.resolve("handler.lua"));
        Files.createSymbolicLink(dir.resolve("handler.lua"), outside);
        Files.delete(dir.resolve("schema.lua"));
        Files.createDirectories(dir.resolve("schema.lua"));
        List<Diagnostic> found = findings(refusing(Path.of("nothing"), null, new IOException()));
        assertThat(found).extracting(Diagnostic::rule).containsExactly(Rules.FILES_UNREADABLE, Rules.FILES_UNREADABLE);
        assertThat(opened).isEmpty();
    }

    @Test
    void readsStopAtTheBoundEvenWhenTheSizeLies() throws IOException {
        PluginFolder folder = new PluginFolder(dir, new PluginFolder.Access() {
            @Override
            public SeekableByteChannel open(ContainedFiles files, Path relative) {
                return new EndlessChannel(); // like /proc files: size 0, endless content
            }

            @Override
            public DirectoryStream<Path> list(Path directory) throws IOException {
                return PluginFolder.FILE_SYSTEM.list(directory);
            }
        });
        assertThat(folder.read("handler.lua", 1000)).isEqualTo(new PluginFolder.TooLarge(1001));
    }

    /** A readable channel of endless 'x's that reports size 0. */
    private static final class EndlessChannel implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer dst) {
            int n = dst.remaining();
            while (dst.hasRemaining()) {
                dst.put((byte) 'x');
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            return this;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            return this;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
