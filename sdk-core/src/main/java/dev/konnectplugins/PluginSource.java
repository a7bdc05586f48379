package dev.konnectplugins;

import dev.konnectplugins.internal.ContainedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What is uploaded as a streamed custom plugin: its name, the text of {@code handler.lua} and of
 * {@code schema.lua}, and optional tags. Immutable; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * PluginSource source = PluginSource.fromDirectory(Path.of("plugins/stream-headers")).withTags("team-a");
 * }</pre>
 */
public final class PluginSource {
    /** File name Kong loads the handler from. */
    public static final String HANDLER_FILE = "handler.lua";
    /** File name Kong loads the schema from. */
    public static final String SCHEMA_FILE = "schema.lua";
    /**
     * The largest file {@link #fromDirectory} reads: 4 MiB, far above Konnect's 100 KB upload limit, so that the
     * validator can still report an oversized file by its size.
     */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final String name;
    private final String handler;
    private final String schema;
    private final List<String> tags;
    private final Path directory;

    private PluginSource(String name, String handler, String schema, List<String> tags, Path directory) {
        this.name = requireText(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.tags = List.copyOf(tags);
        this.directory = directory;
    }

    /**
     * A source held in memory.
     *
     * @param name the name to upload under, a valid Kong plugin name
     * @param handler the text of {@code handler.lua}
     * @param schema the text of {@code schema.lua}
     * @return the source, without tags
     */
    public static PluginSource of(String name, String handler, String schema) {
        return new PluginSource(name, handler, schema, List.of(), null);
    }

    /**
     * Reads {@code handler.lua} and {@code schema.lua} (UTF-8) from a plugin directory. The plugin's name is the
     * directory's name, as in Kong's {@code kong/plugins/<name>/} convention, unless {@link #withName} changes it.
     *
     * @param directory the plugin's directory, holding {@code handler.lua} and {@code schema.lua}
     * @return the source, named after the directory, without tags
     * @throws UncheckedIOException naming the file when one is missing, unreadable, not UTF-8, larger than
     *         {@link #MAX_FILE_BYTES}, or not a regular file inside the directory (a directory, FIFO, device, or a
     *         link that leaves the directory is refused; no link is followed on the way to the file, so a folder
     *         swapped for a link meanwhile cannot make the read leave the directory, and a FIFO cannot block it)
     */
    public static PluginSource fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path absolute = directory.toAbsolutePath().normalize();
        Path fileName = absolute.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("A plugin directory needs a name, got " + directory);
        }
        return new PluginSource(fileName.toString(), readUtf8(directory, directory.resolve(HANDLER_FILE)),
                readUtf8(directory, directory.resolve(SCHEMA_FILE)), List.of(), directory);
    }

    /**
     * The plugin directories under {@code folder}, in any of three layouts: {@code folder} itself when it holds
     * {@code handler.lua} or {@code schema.lua}; else, in Kong's template layout, each sub-folder of
     * {@code folder/kong/plugins} that holds one of them; else each such sub-folder of {@code folder}. Hidden
     * sub-folders and those with neither file are skipped. The one finder that validation, sync and the CLI share,
     * so that they all see the same plugins.
     *
     * @param folder a plugin directory, a folder of plugin directories, or a repository holding {@code kong/plugins}
     * @return the plugin directories, sorted; empty when there are none
     * @throws UncheckedIOException naming the folder when it does not exist, is not a directory, or cannot be listed
     */
    public static List<Path> findDirectories(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException(
                    folder + (Files.exists(folder) ? ": not a folder" : ": no such folder")));
        }
        if (hasPluginFile(folder)) {
            return List.of(folder);
        }
        Path template = folder.resolve("kong").resolve("plugins");
        Path parent = Files.isDirectory(template) ? template : folder;
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(PluginSource::hasPluginFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(new IOException("cannot list " + parent + ": " + e.getMessage(), e));
        }
    }

    private static boolean hasPluginFile(Path directory) {
        return Files.isRegularFile(directory.resolve(HANDLER_FILE)) || Files.isRegularFile(directory.resolve(SCHEMA_FILE));
    }

    /**
     * A copy with another upload name.
     *
     * @param newName the name to upload under
     * @return a new source; this one is unchanged
     */
    public PluginSource withName(String newName) {
        return new PluginSource(newName, handler, schema, tags, directory);
    }

    /**
     * A copy with these tags instead of the current ones.
     *
     * @param newTags the tags, none to clear them
     * @return a new source; this one is unchanged
     */
    public PluginSource withTags(String... newTags) {
        return withTags(Arrays.asList(newTags));
    }

    /**
     * A copy with these tags instead of the current ones.
     *
     * @param newTags the tags, empty to clear them, not null
     * @return a new source; this one is unchanged
     */
    public PluginSource withTags(List<String> newTags) {
        Objects.requireNonNull(newTags, "tags");
        for (int i = 0; i < newTags.size(); i++) {
            requireText(newTags.get(i), "tags[" + i + "]");
        }
        return new PluginSource(name, handler, schema, newTags, directory);
    }

    /** {@return the name the plugin is uploaded under} */
    public String name() {
        return name;
    }

    /** {@return the text of handler.lua} */
    public String handler() {
        return handler;
    }

    /** {@return the text of schema.lua} */
    public String schema() {
        return schema;
    }

    /** {@return the tags, possibly empty, never null} */
    public List<String> tags() {
        return tags;
    }

    /** {@return the directory this source was read from, if it came from one} */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PluginSource)) {
            return false;
        }
        PluginSource that = (PluginSource) other;
        return name.equals(that.name) && handler.equals(that.handler) && schema.equals(that.schema)
                && tags.equals(that.tags) && Objects.equals(directory, that.directory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, handler, schema, tags, directory);
    }

    /** Names the plugin and sizes of its files, never their content. */
    @Override
    public String toString() {
        return "PluginSource{name=" + name + ", handler=" + handler.length() + " chars, schema=" + schema.length()
                + " chars, tags=" + tags + (directory == null ? "" : ", directory=" + directory) + "}";
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /**
     * Reads a plugin file as the validator does: only a regular file inside the plugin directory, at most
     * {@link #MAX_FILE_BYTES}. The file is opened first, then what was opened is checked: no link is followed on the
     * way (a link to another file of the directory is resolved as text), and a FIFO cannot block the read.
     */
    private static String readUtf8(Path directory, Path file) {
        try (ContainedFiles files = ContainedFiles.openFolder(directory)) {
            ContainedFiles.Content content = files.read(files.target(file.getFileName()), MAX_FILE_BYTES);
            if (content.bytes() == null) {
                throw new IOException("it is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return decodeUtf8(content.bytes());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("Plugin file not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("Plugin file is not valid UTF-8: " + file, e);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new UncheckedIOException("Cannot read plugin file " + file + ": " + reason, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plugin file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
