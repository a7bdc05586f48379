package dev.konnectplugins.internal.validation;

import dev.konnectplugins.internal.ContainedFiles;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * A plugin folder as the validator may touch it: only regular files inside the folder are opened, and only up to a
 * bound. A symbolic link that leaves the folder, a directory, a FIFO, a device or a socket is described, never opened
 * (opening a FIFO would block, a device could be endless, and a link could reach a secret whose text would end up in
 * a diagnostic). Failures to read or list say why.
 */
final class PluginFolder {
    /** How the folder's files are opened and listed; tests replace it to simulate what root could read anyway. */
    interface Access {
        /**
         * Opens the regular file at {@code relative} inside {@code files}' folder, following no link on the way,
         * never blocking on a FIFO ({@link ContainedFiles#open}).
         */
        SeekableByteChannel open(ContainedFiles files, Path relative) throws IOException;

        /** Lists a directory. */
        DirectoryStream<Path> list(Path directory) throws IOException;
    }

    /** The real file system. */
    static final Access FILE_SYSTEM = new Access() {
        @Override
        public SeekableByteChannel open(ContainedFiles files, Path relative) throws IOException {
            return files.open(relative);
        }

        @Override
        public DirectoryStream<Path> list(Path directory) throws IOException {
            return Files.newDirectoryStream(directory);
        }
    };

    /** What reading one file gave. */
    sealed interface Read permits Content, TooLarge, Missing, Refused {
    }

    /** The file's bytes. */
    record Content(byte[] bytes) implements Read {
    }

    /** A file over the read bound, of at least {@code size} bytes; not read. */
    record TooLarge(long size) implements Read {
    }

    /** No such file. */
    record Missing() implements Read {
    }

    /** Not read, and why: {@code reason} completes "handler.lua ..." (e.g. "is a directory"). */
    record Refused(String reason) implements Read {
    }

    /** The other files of the folder, relative to it, and the sub-folders that could not be listed (with why). */
    record Listing(List<Path> files, Map<Path, String> unlisted) {
    }

    /** The st_mode file-type bits (S_IFMT) and what each type is called. */
    private static final int TYPE_MASK = 0170000;
    private static final Map<Integer, String> TYPES = Map.of(0040000, "a directory", 0010000, "a named pipe (FIFO)",
            0020000, "a character device", 0060000, "a block device", 0140000, "a socket");
    private static final int MAX_DEPTH = 8;

    private final Path folder;
    private final Access access;

    PluginFolder(Path folder, Access access) throws IOException {
        this.folder = folder;
        folder.toRealPath(); // fails, saying why, when the folder itself cannot be reached
        this.access = access;
    }

    /** Reads the root file {@code name} if it is a regular file inside the folder, of at most {@code limit} bytes. */
    Read read(String name, long limit) {
        Located located = locate(name);
        return located.problem() != null ? located.problem() : content(located.file(), limit);
    }

    /** Why the root file {@code name} would not be read, if it exists and would not be. Opens nothing. */
    Optional<Refused> refusal(String name) {
        return locate(name).problem() instanceof Refused refused ? Optional.of(refused) : Optional.empty();
    }

    /** A root file: the regular file inside the folder to open (relative to it), or why there is none. */
    private record Located(Path file, Read problem) {
    }

    /**
     * Where the root file {@code name} leads (itself, or the file inside the folder its link names), if it is a
     * regular file there. Decided on the entries themselves, no link followed; {@link #content} opens the same way
     * and checks again what it opened, so that nothing swapped in meanwhile is read.
     */
    private Located locate(String name) {
        Path relative = Path.of(name);
        try (ContainedFiles files = ContainedFiles.openFolder(folder)) {
            ContainedFiles.Kind kind = files.kind(relative);
            if (kind == ContainedFiles.Kind.MISSING) {
                return problem(new Missing());
            }
            boolean link = kind == ContainedFiles.Kind.LINK;
            Path target;
            try {
                target = files.target(relative);
            } catch (ContainedFiles.NotRegularFile e) {
                return problem(outsideLink(folder.resolve(name)));
            }
            ContainedFiles.Kind targetKind = files.kind(target);
            if (targetKind == ContainedFiles.Kind.MISSING) {
                return problem(new Refused("is a symbolic link to a file that does not exist"));
            }
            if (targetKind != ContainedFiles.Kind.REGULAR) {
                String type = targetKind == ContainedFiles.Kind.LINK ? "a symbolic link inside a linked folder"
                        : describe(folder.resolve(target));
                return problem(new Refused("is " + type + (link ? " (through a symbolic link)" : "")
                        + ", not a regular file; the plugin's code must be in a regular file"));
            }
            return new Located(target, null);
        } catch (IOException e) {
            return problem(new Refused("cannot be inspected: " + reason(e)));
        }
    }

    /** A link that leaves the folder: refused, saying what it leads to (its type only; nothing is opened). */
    private Refused outsideLink(Path file) {
        String type;
        try {
            type = type(file.toRealPath());
        } catch (NoSuchFileException e) {
            return new Refused("is a symbolic link to a file that does not exist");
        } catch (IOException e) {
            return new Refused("is a symbolic link that cannot be followed: " + reason(e));
        }
        return new Refused("is a symbolic link to " + (type == null ? "a file" : type) + " outside the "
                + "plugin folder; the validator does not follow it, and an upload would carry that file's content: "
                + "put the code itself in the plugin folder");
    }

    /** What a non-regular entry is, for a message ("a named pipe (FIFO)"), read without following links. */
    private static String describe(Path entry) {
        try {
            Object mode = Files.getAttribute(entry, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer bits) {
                return TYPES.getOrDefault(bits & TYPE_MASK, "a special file");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (Windows), or gone: say less.
        }
        return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? "a directory"
                : "a special file (a device, pipe or socket)";
    }

    private static Located problem(Read problem) {
        return new Located(null, problem);
    }

    /**
     * Every entry below the folder that {@code considered} keeps, given its relative path and whether it is a
     * directory (a directory it refuses is not entered), at most 8 levels down, not following links.
     */
    Listing list(BiPredicate<Path, Boolean> considered) {
        List<Path> files = new ArrayList<>();
        Map<Path, String> unlisted = new TreeMap<>();
        walk(folder, 1, considered, files, unlisted);
        files.sort(null);
        return new Listing(List.copyOf(files), unlisted);
    }

    private void walk(Path directory, int depth, BiPredicate<Path, Boolean> considered, List<Path> files,
                      Map<Path, String> unlisted) {
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> entries = access.list(directory)) {
            if (depth > 1) {
                requireListedAsFound(entries, directory);
            }
            for (Path entry : entries) {
                Path relative = folder.relativize(entry);
                boolean isDirectory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                if (!considered.test(relative, isDirectory)) {
                    continue;
                }
                if (isDirectory) {
                    subdirectories.add(entry);
                } else {
                    files.add(relative);
                }
            }
        } catch (IOException e) {
            unlisted.put(folder.relativize(directory), reason(e));
            return;
        } catch (DirectoryIteratorException e) {
            unlisted.put(folder.relativize(directory), reason(e.getCause()));
            return;
        }
        if (depth < MAX_DEPTH) {
            for (Path subdirectory : subdirectories) {
                walk(subdirectory, depth + 1, considered, files, unlisted);
            }
        }
    }

    /**
     * A sub-folder was found as a folder (not a link), then opened by its path: when what was opened is not that
     * folder (it was swapped for a link meanwhile, and the open followed it), nothing of it is listed.
     */
    private static void requireListedAsFound(DirectoryStream<Path> opened, Path directory) throws IOException {
        if (!(opened instanceof SecureDirectoryStream<Path> secure)) {
            return;
        }
        Object openedKey = secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        BasicFileAttributes entry = Files.readAttributes(directory, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!entry.isDirectory() || openedKey == null || !openedKey.equals(entry.fileKey())) {
            throw new FileSystemException(directory.toString(), null, "it was replaced by a symbolic link while it "
                    + "was being listed");
        }
    }

    /** Opens the located file (checking again what it opens) and reads it up to the bound. */
    private Read content(Path relative, long limit) {
        try (ContainedFiles files = ContainedFiles.openFolder(folder);
             SeekableByteChannel channel = access.open(files, relative)) {
            long size = channel.size();
            if (size > limit) {
                return new TooLarge(size);
            }
            byte[] bytes = Channels.newInputStream(channel).readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            // A file that grew, or reports no size (as /proc's do), still stops at the bound.
            return bytes.length > limit ? new TooLarge(bytes.length) : new Content(bytes);
        } catch (ContainedFiles.NotRegularFile e) {
            return new Refused("was replaced while it was being read (" + reason(e) + "); nothing of it was read");
        } catch (IOException e) {
            return new Refused("cannot be read: " + reason(e));
        }
    }

    /** What kind of file this is when it is not a regular file, or null for a regular file. Follows links. */
    private static String type(Path file) throws IOException {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                int type = bits & TYPE_MASK;
                return type == 0100000 ? null : TYPES.getOrDefault(type, "a special file");
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (Windows): the basic attributes tell less.
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
            return null;
        }
        return attributes.isDirectory() ? "a directory" : "a special file (a device, pipe or socket)";
    }

    /** Why an I/O operation failed, in a few words ("permission denied"), without the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() != null && !(e instanceof FileSystemException) ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
