package dev.konnectplugins.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Opens the files of a folder the way hostile content requires: open first, then check what was opened. Every path
 * component below the folder is opened relative to its opened parent with {@code O_NOFOLLOW} (through a
 * {@link SecureDirectoryStream}, as Linux and macOS provide), so swapping a sub-folder for a link between a check and
 * a read cannot make the read leave the folder. Only a regular file is opened: a link, a directory, a FIFO, a device
 * or a socket is refused first, and since a FIFO swapped in after that check would block {@code open} until someone
 * writes to it, the open runs on a daemon thread for at most {@link #OPEN_TIMEOUT_MILLIS}. After the open, the entry
 * must still be the file that was checked (same file key), and the size is the opened file's.
 *
 * <p>Where the file system has no {@code SecureDirectoryStream} (Windows), each component is checked by path and
 * the file opened with {@code NOFOLLOW_LINKS}: the same refusals, without the guarantee against a concurrent swap.
 */
public final class ContainedFiles implements Closeable {
    /** How long opening a file may take before it is refused as blocking (a FIFO without a writer). */
    public static final long OPEN_TIMEOUT_MILLIS = TimedOpen.TIMEOUT_MILLIS;
    private static final int MAX_LINKS = 8;

    /** What an entry of the folder is, without following any link. */
    public enum Kind {
        /** A regular file. */
        REGULAR,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link (at the entry itself or at one of the folders on the way to it). */
        LINK,
        /** A FIFO, a device or a socket. */
        SPECIAL,
        /** Nothing. */
        MISSING
    }

    /** Thrown when an entry is not a regular file (nothing was read). */
    public static final class NotRegularFile extends FileSystemException {
        private static final long serialVersionUID = 1L;

        private final Kind kind;

        NotRegularFile(Path file, Kind kind, String reason) {
            super(file.toString(), null, reason);
            this.kind = kind;
        }

        /** What the entry is instead. */
        public Kind kind() {
            return kind;
        }
    }

    /**
     * A regular file's content and the size of the file that was opened.
     *
     * @param bytes the content, or null when the file is over the bound (and was not read)
     * @param size  the opened file's size, or the bytes read past the bound when it reported less
     */
    public record Content(byte[] bytes, long size) {
    }

    private final Path folder;
    private final DirectoryStream<Path> stream;
    /**
     * Set when an open timed out: its thread is still inside a directory stream (which then cannot be closed
     * without waiting for it), so the streams are left open rather than block the caller.
     */
    private volatile boolean stuckOpen;

    private ContainedFiles(Path folder, DirectoryStream<Path> stream) {
        this.folder = folder;
        this.stream = stream;
    }

    /**
     * Opens {@code folder} (its own path may contain links: the caller chose it).
     *
     * @throws IOException when it cannot be opened as a directory
     */
    public static ContainedFiles openFolder(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        return new ContainedFiles(folder, Files.newDirectoryStream(folder));
    }

    /** The folder as given. */
    public Path folder() {
        return folder;
    }

    /** What the entry at {@code relative} (one or more names, no "..") is, following no link on the way. */
    public Kind kind(Path relative) throws IOException {
        Path checked = requireRelative(relative);
        if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
            return kindByPath(checked);
        }
        List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
        try {
            SecureDirectoryStream<Path> parent = parent(secure, checked, opened);
            return parent == null ? Kind.LINK : kindOf(attributes(parent, checked.getFileName()));
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        } finally {
            closeAll(opened);
        }
    }

    /**
     * Reads the regular file at {@code relative} when it has at most {@code limit} bytes; reads stop after {@code
     * limit + 1} bytes even when the file reported a smaller size.
     *
     * @throws NotRegularFile when the entry, or a folder on the way to it, is not what it must be
     * @throws NoSuchFileException when there is no such entry
     * @throws IOException when it cannot be opened or read
     */
    public Content read(Path relative, int limit) throws IOException {
        Path checked = requireRelative(relative);
        List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
        try (SeekableByteChannel channel = openRegular(checked, opened)) {
            long size = channel.size();
            if (size > limit) {
                return new Content(null, size);
            }
            byte[] bytes = Channels.newInputStream(channel).readNBytes((int) Math.min(Integer.MAX_VALUE - 8L,
                    limit + 1L));
            return bytes.length > limit ? new Content(null, bytes.length) : new Content(bytes, bytes.length);
        } finally {
            closeAll(opened);
        }
    }

    /**
     * Opens the regular file at {@code relative} for reading; the channel's {@code size()} is the opened file's.
     *
     * @throws NotRegularFile when the entry, or a folder on the way to it, is not what it must be
     * @throws NoSuchFileException when there is no such entry
     * @throws IOException when it cannot be opened
     */
    public SeekableByteChannel open(Path relative) throws IOException {
        Path checked = requireRelative(relative);
        List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
        try {
            return openRegular(checked, opened);
        } finally {
            closeAll(opened);
        }
    }

    /**
     * Where the entry at {@code relative} leads: itself when it is not a symbolic link, else the path inside the
     * folder its link (or chain of at most 8 links) names, read as text and resolved without following anything.
     *
     * @throws NotRegularFile ({@link Kind#LINK}) when a link leads outside the folder, or the chain is too long
     * @throws IOException when a link cannot be read
     */
    public Path target(Path relative) throws IOException {
        Path current = requireRelative(relative);
        for (int hop = 0; hop <= MAX_LINKS; hop++) {
            if (kind(current) != Kind.LINK) {
                return current;
            }
            Path text = Files.readSymbolicLink(folder.resolve(current));
            Path next = inside(current, text);
            if (next == null) {
                throw new NotRegularFile(folder.resolve(relative), Kind.LINK,
                        "it is a symbolic link to a file outside the plugin directory");
            }
            current = next;
        }
        throw new NotRegularFile(folder.resolve(relative), Kind.LINK, "it is a chain of more than " + MAX_LINKS
                + " symbolic links");
    }

    /** The folder-relative path the link at {@code link} names with {@code text}, or null when outside. */
    private Path inside(Path link, Path text) throws IOException {
        Path resolved;
        if (text.isAbsolute()) {
            Path normal = text.normalize();
            Path real = folder.toRealPath();
            Path given = folder.toAbsolutePath().normalize();
            resolved = normal.startsWith(real) ? real.relativize(normal)
                    : normal.startsWith(given) ? given.relativize(normal) : null;
        } else {
            Path base = link.getParent();
            resolved = (base == null ? text : base.resolve(text)).normalize();
        }
        if (resolved == null || resolved.toString().isEmpty() || resolved.startsWith("..")) {
            return null;
        }
        return resolved;
    }

    @Override
    public void close() throws IOException {
        if (!stuckOpen) {
            stream.close();
        }
    }

    private SeekableByteChannel openRegular(Path relative, List<SecureDirectoryStream<Path>> opened)
            throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
            requireRegular(relative, kindByPath(relative));
            return openWithin(() -> Files.newByteChannel(folder.resolve(relative), options), relative,
                    () -> Files.newByteChannel(folder.resolve(relative), Set.of(StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)));
        }
        SecureDirectoryStream<Path> parent = parent(secure, relative, opened);
        if (parent == null) {
            throw notRegular(relative, Kind.LINK);
        }
        Path name = relative.getFileName();
        BasicFileAttributes before = attributes(parent, name);
        requireRegular(relative, kindOf(before));
        SeekableByteChannel channel = openWithin(() -> parent.newByteChannel(name, options), relative,
                () -> parent.newByteChannel(name, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)));
        try {
            BasicFileAttributes after = attributes(parent, name);
            if (!after.isRegularFile() || !Objects.equals(before.fileKey(), after.fileKey())) {
                throw new FileSystemException(folder.resolve(relative).toString(), null,
                        "it was replaced while it was being opened");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The opened folder holding the last name of {@code relative}, each folder on the way opened without following
     * a link; null when one of them is a link.
     */
    private static SecureDirectoryStream<Path> parent(SecureDirectoryStream<Path> root, Path relative,
                                                      List<SecureDirectoryStream<Path>> opened) throws IOException {
        SecureDirectoryStream<Path> current = root;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            Path name = relative.getName(i);
            BasicFileAttributes attributes = attributes(current, name);
            if (attributes.isSymbolicLink()) {
                return null;
            }
            if (!attributes.isDirectory()) {
                throw new NoSuchFileException(relative.toString());
            }
            try {
                current = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                if (attributes(current, name).isSymbolicLink()) {
                    return null; // swapped for a link since the check: O_NOFOLLOW refused it
                }
                throw e;
            }
            opened.add(current);
        }
        return current;
    }

    private static BasicFileAttributes attributes(SecureDirectoryStream<Path> directory, Path name)
            throws IOException {
        return directory.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    private Kind kindByPath(Path relative) throws IOException {
        Path current = folder;
        for (int i = 0; i < relative.getNameCount(); i++) {
            current = current.resolve(relative.getName(i));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Kind.MISSING;
            }
            Kind kind = kindOf(attributes);
            if (i == relative.getNameCount() - 1 || kind != Kind.DIRECTORY) {
                return i == relative.getNameCount() - 1 || kind == Kind.LINK ? kind : Kind.MISSING;
            }
        }
        return Kind.DIRECTORY;
    }

    private static Kind kindOf(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return Kind.LINK;
        }
        if (attributes.isRegularFile()) {
            return Kind.REGULAR;
        }
        return attributes.isDirectory() ? Kind.DIRECTORY : Kind.SPECIAL;
    }

    private void requireRegular(Path relative, Kind kind) throws IOException {
        if (kind == Kind.MISSING) {
            throw new NoSuchFileException(folder.resolve(relative).toString());
        }
        if (kind != Kind.REGULAR) {
            throw notRegular(relative, kind);
        }
    }

    private NotRegularFile notRegular(Path relative, Kind kind) {
        String reason = switch (kind) {
            case LINK -> "it is a symbolic link, or lies behind one";
            case DIRECTORY -> "it is a directory";
            default -> "it is not a regular file (a FIFO, a device or a socket)";
        };
        return new NotRegularFile(folder.resolve(relative), kind, reason);
    }

    /**
     * Opens through {@link TimedOpen}: a FIFO swapped in after the check must not block the caller. When the open
     * timed out, its thread is still inside a directory stream, so the streams are left open from then on.
     */
    private SeekableByteChannel openWithin(TimedOpen.Opener opener, Path relative, TimedOpen.Opener writer)
            throws IOException {
        try {
            return TimedOpen.open(opener, writer);
        } catch (TimedOpen.TimedOut e) {
            stuckOpen = true;
            throw new FileSystemException(folder.resolve(relative).toString(), null, "it did not open within "
                    + OPEN_TIMEOUT_MILLIS / 1000 + " s (a named pipe that nobody writes to?)");
        }
    }

    private void closeAll(List<SecureDirectoryStream<Path>> opened) throws IOException {
        if (stuckOpen) {
            return;
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static Path requireRelative(Path relative) {
        Objects.requireNonNull(relative, "relative");
        if (relative.isAbsolute() || relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            throw new IllegalArgumentException("Not a path inside the folder: " + relative);
        }
        for (Path name : relative) {
            if (name.toString().equals("..") || name.toString().equals(".")) {
                throw new IllegalArgumentException("Not a path inside the folder: " + relative);
            }
        }
        return relative;
    }
}
