package dev.konnectplugins.internal.sync;

import dev.konnectplugins.internal.TimedOpen;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The folder {@code pull} writes into, treated as hostile: it may hold links committed to a repository
 * ({@code handler.lua -> ../../x}) or FIFOs. Each plugin folder is opened relative to the target folder without
 * following a link, each existing file is checked before it is read (a FIFO swapped in later cannot block the read
 * for more than {@link #OPEN_TIMEOUT_MILLIS}), and each file is written to a new temporary file that is then renamed
 * over the old one: a write never goes through a link and never opens an existing file for writing. A link or a
 * special file found there is reported ({@link Refused}) and left alone.
 *
 * <p>Where the file system has no {@code SecureDirectoryStream} (Windows), the same checks are made by path.
 */
public final class PullTarget implements Closeable {
    /** How long reading an existing local file may take to open before it is refused as blocking (a FIFO). */
    public static final long OPEN_TIMEOUT_MILLIS = TimedOpen.TIMEOUT_MILLIS;
    private static final int MAX_LOCAL_BYTES = 16 << 20;

    /** A local entry the pull leaves alone: a link, a FIFO, a file where a folder must be... */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final Path folder;
    private final DirectoryStream<Path> stream;

    private PullTarget(Path folder, DirectoryStream<Path> stream) {
        this.folder = folder;
        this.stream = stream;
    }

    /** Creates {@code folder} if needed (the caller chose its path, links in it included) and opens it. */
    public static PullTarget open(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new PullTarget(folder, Files.newDirectoryStream(folder));
    }

    /**
     * The plugin folder {@code name}, created when missing, opened without following a link.
     *
     * @throws Refused when {@code name} is a link or not a folder
     * @throws IOException when it cannot be created or opened (a name too long for this file system...)
     */
    public PluginFolder plugin(String name) throws IOException {
        Path entry = Path.of(name);
        if (entry.getNameCount() != 1 || entry.isAbsolute() || name.equals(".") || name.equals("..")) {
            throw new Refused("'" + name + "' cannot be a folder name");
        }
        Path path = folder.resolve(entry);
        BasicFileAttributes attributes = attributes(entry);
        if (attributes == null) {
            try {
                Files.createDirectory(path); // mkdir: never follows a link
            } catch (FileAlreadyExistsException raced) {
                // Made meanwhile: checked below like any existing entry.
            }
            attributes = attributes(entry);
        }
        refuseUnless(attributes, path, true);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            try {
                return new PluginFolder(path, secure.newDirectoryStream(entry, LinkOption.NOFOLLOW_LINKS));
            } catch (FileSystemException e) {
                refuseUnless(attributes(entry), path, true);
                throw e;
            }
        }
        return new PluginFolder(path, null);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    private BasicFileAttributes attributes(Path entry) throws IOException {
        try {
            if (stream instanceof SecureDirectoryStream<Path> secure) {
                return secure.getFileAttributeView(entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
            }
            return Files.readAttributes(folder.resolve(entry), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void refuseUnless(BasicFileAttributes attributes, Path path, boolean directory) throws Refused {
        if (attributes == null) {
            throw new Refused(path + " disappeared while it was being written; left alone");
        }
        if (attributes.isSymbolicLink()) {
            throw new Refused(path + " is a symbolic link; the pull does not write through links, so it left it "
                    + "and this plugin alone (replace the link with a real " + (directory ? "folder" : "file") + ")");
        }
        if (directory ? !attributes.isDirectory() : !attributes.isRegularFile()) {
            throw new Refused(path + " is not a " + (directory ? "folder" : "regular file") + "; left it and this "
                    + "plugin alone");
        }
    }

    /** One plugin's folder inside the target, opened without following a link. */
    public static final class PluginFolder implements Closeable {
        private final Path path;
        private final SecureDirectoryStream<Path> secure;
        /** Set when a read's open timed out: its thread is still inside {@link #secure}, which stays open. */
        private boolean stuckOpen;

        private PluginFolder(Path path, SecureDirectoryStream<Path> secure) {
            this.path = path;
            this.secure = secure;
        }

        /** The folder's path, for messages. */
        public Path path() {
            return path;
        }

        /**
         * The text of the existing file {@code name}, or null when there is none.
         *
         * @throws Refused when it is a link or not a regular file (it was not opened)
         * @throws IOException when it cannot be read
         */
        public String read(String name) throws IOException {
            Path entry = Path.of(name);
            BasicFileAttributes attributes = attributes(entry);
            if (attributes == null) {
                return null;
            }
            refuseUnless(attributes, path.resolve(entry), false);
            Set<OpenOption> options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            Set<OpenOption> writing = Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            SeekableByteChannel opened;
            try {
                opened = TimedOpen.open(() -> secure != null ? secure.newByteChannel(entry, options)
                        : Files.newByteChannel(path.resolve(entry), options),
                        () -> secure != null ? secure.newByteChannel(entry, writing)
                                : Files.newByteChannel(path.resolve(entry), writing));
            } catch (TimedOpen.TimedOut stuck) {
                // Its thread is still inside the folder's stream, which therefore stays open.
                stuckOpen = true;
                throw new Refused(path.resolve(entry) + " did not open within " + OPEN_TIMEOUT_MILLIS / 1000
                        + " s (a named pipe?); left it and this plugin alone");
            }
            try (SeekableByteChannel channel = opened;
                 InputStream in = Channels.newInputStream(channel)) {
                byte[] bytes = in.readNBytes(MAX_LOCAL_BYTES + 1);
                if (bytes.length > MAX_LOCAL_BYTES) {
                    throw new Refused(path.resolve(entry) + " is larger than " + MAX_LOCAL_BYTES + " bytes; left it "
                            + "and this plugin alone");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        /**
         * Writes {@code text} as the file {@code name}: into a new temporary file of this folder, renamed over the
         * old one, so that no link or FIFO in its place is written through.
         *
         * @throws Refused when {@code name} is a link or not a regular file now
         * @throws IOException when it cannot be written
         */
        public void write(String name, String text) throws IOException {
            Path entry = Path.of(name);
            BasicFileAttributes attributes = attributes(entry);
            if (attributes != null) {
                refuseUnless(attributes, path.resolve(entry), false);
            }
            Path temporary = Path.of("." + name + ".pull-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try {
                try (SeekableByteChannel channel = secure != null ? secure.newByteChannel(temporary, options)
                        : Files.newByteChannel(path.resolve(temporary), options)) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
                if (secure != null) {
                    secure.move(temporary, secure, entry);
                } else {
                    Files.move(path.resolve(temporary), path.resolve(entry), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temporary);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (secure != null && !stuckOpen) {
                secure.close();
            }
        }

        private BasicFileAttributes attributes(Path entry) throws IOException {
            try {
                if (secure != null) {
                    return secure.getFileAttributeView(entry, BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).readAttributes();
                }
                return Files.readAttributes(path.resolve(entry), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        private void deleteQuietly(Path temporary) {
            try {
                if (secure != null) {
                    secure.deleteFile(temporary);
                } else {
                    Files.deleteIfExists(path.resolve(temporary));
                }
            } catch (IOException ignored) {
                // Never created, or already renamed.
            }
        }
    }
}
