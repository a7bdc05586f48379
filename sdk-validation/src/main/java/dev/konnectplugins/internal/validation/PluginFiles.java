package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.validation.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two files a streamed plugin consists of, read and checked as files (presence, size, encoding), plus what
 * else the plugin folder holds that Kong would load and streaming cannot carry.
 *
 * @param handler  handler.lua's text, or null when it is missing or too large to analyse
 * @param schema   schema.lua's text, or null likewise
 * @param findings the files.* diagnostics
 */
public record PluginFiles(String handler, String schema, List<Diagnostic> findings) {
    /** Larger files are reported by files.size and not analysed further, to keep validation fast. */
    static final long ANALYSIS_LIMIT = 1L << 20;

    private static final Set<String> CODE_EXTENSIONS = Set.of("js", "mjs", "cjs", "ts", "py", "go", "wasm", "so",
            "dylib", "dll", "ljbc", "luac", "moon", "fnl", "rs", "c");
    private static final Set<String> IGNORED_DIRECTORIES = Set.of("spec", "test", "tests", "node_modules");

    /**
     * Reads a plugin directory: only handler.lua and schema.lua, and only when they are regular files inside it.
     *
     * @throws UncheckedIOException when the directory itself cannot be resolved
     */
    public static PluginFiles fromDirectory(Path directory, long maxFileSize) {
        return fromDirectory(directory, maxFileSize, PluginFolder.FILE_SYSTEM);
    }

    static PluginFiles fromDirectory(Path directory, long maxFileSize, PluginFolder.Access access) {
        PluginFolder folder;
        try {
            folder = new PluginFolder(directory, access);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory + ": " + PluginFolder.reason(e), e);
        }
        Findings findings = new Findings();
        String handler = readLua(folder, directory, "handler.lua", maxFileSize, findings);
        String schema = readLua(folder, directory, "schema.lua", maxFileSize, findings);
        unsupportedFiles(folder, findings);
        return new PluginFiles(handler, schema, findings.sorted());
    }

    /**
     * An in-memory source; when it came from a directory, that directory's other files are checked too, and so is
     * that its handler.lua and schema.lua are regular files inside it (their text is the source's).
     */
    public static PluginFiles fromSource(PluginSource source, long maxFileSize) {
        Findings findings = new Findings();
        String handler = checkText("handler.lua", source.handler(), maxFileSize, findings);
        String schema = checkText("schema.lua", source.schema(), maxFileSize, findings);
        source.directory().filter(Files::isDirectory).ifPresent(directory -> {
            try {
                PluginFolder folder = new PluginFolder(directory, PluginFolder.FILE_SYSTEM);
                for (String name : new String[] {"handler.lua", "schema.lua"}) {
                    folder.refusal(name).ifPresent(refused -> unreadable(name, refused, findings));
                }
                unsupportedFiles(folder, findings);
            } catch (IOException e) {
                findings.warning(Rules.FILES_UNREADABLE, "", SourcePosition.NONE, "the plugin folder cannot be read ("
                        + PluginFolder.reason(e) + "), so its other files were not checked");
            }
        });
        return new PluginFiles(handler, schema, findings.sorted());
    }

    private static String readLua(PluginFolder folder, Path directory, String name, long maxFileSize,
                                  Findings findings) {
        PluginFolder.Read read = folder.read(name, Math.max(maxFileSize, ANALYSIS_LIMIT));
        if (read instanceof PluginFolder.Missing) {
            findings.error(Rules.FILES_MISSING, name, SourcePosition.NONE, missingMessage(directory, name));
            return null;
        }
        if (read instanceof PluginFolder.Refused refused) {
            unreadable(name, refused, findings);
            return null;
        }
        if (read instanceof PluginFolder.TooLarge tooLarge) {
            findings.error(Rules.FILES_SIZE, name, SourcePosition.NONE, sizeMessage(name, tooLarge.size(), maxFileSize));
            return null;
        }
        byte[] bytes = ((PluginFolder.Content) read).bytes();
        if (bytes.length > maxFileSize) {
            findings.error(Rules.FILES_SIZE, name, SourcePosition.NONE, sizeMessage(name, bytes.length, maxFileSize));
        }
        return decode(name, bytes, findings);
    }

    private static void unreadable(String name, PluginFolder.Refused refused, Findings findings) {
        findings.error(Rules.FILES_UNREADABLE, name, SourcePosition.NONE, name + " " + refused.reason());
    }

    private static String checkText(String name, String text, long maxFileSize, Findings findings) {
        long size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxFileSize) {
            findings.error(Rules.FILES_SIZE, name, SourcePosition.NONE, sizeMessage(name, size, maxFileSize));
            if (size > ANALYSIS_LIMIT) {
                return null;
            }
        }
        return text;
    }

    /** Strict UTF-8; on failure a files.encoding error at the first bad byte, and a lenient decoding to go on. */
    private static String decode(String name, byte[] bytes, Findings findings) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalidUtf8(bytes);
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            findings.error(Rules.FILES_ENCODING, name, SourcePosition.ofLine(line), name + " is not valid UTF-8 text (first bad byte at "
                    + "offset " + bad + "); Konnect takes the code as a JSON string: save the file as UTF-8");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static void unsupportedFiles(PluginFolder folder, Findings findings) {
        PluginFolder.Listing listing = folder.list(PluginFiles::considered);
        listing.files().forEach(relative -> unsupported(relative, findings));
        listing.unlisted().forEach((relative, reason) -> unlisted(relative, reason, findings));
    }

    /** A warning, not an error: Kong loads only handler.lua and schema.lua, which were read. */
    private static void unlisted(Path relative, String reason, Findings findings) {
        boolean root = relative.toString().isEmpty();
        findings.warning(Rules.FILES_UNREADABLE, root ? "" : slashes(relative) + "/", SourcePosition.NONE,
                (root ? "the plugin folder" : "the folder '" + slashes(relative) + "'") + " cannot be listed ("
                        + reason + "), so the files in it were not checked; Kong only loads handler.lua and "
                        + "schema.lua, but make sure it holds nothing else Kong would need");
    }

    /** Skips hidden files and folders, test folders and busted specs: Kong never loads them. */
    private static boolean considered(Path relative, boolean directory) {
        String name = relative.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        return directory ? !IGNORED_DIRECTORIES.contains(name) : !name.endsWith("_spec.lua");
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static void unsupported(Path relative, Findings findings) {
        String path = slashes(relative);
        String name = relative.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        boolean atRoot = relative.getNameCount() == 1;
        if (atRoot && (name.equals("handler.lua") || name.equals("schema.lua"))) {
            return;
        }
        String message;
        if (path.startsWith("migrations/")) {
            message = "migrations cannot be streamed: a streamed plugin has no database entities of its own; keep "
                    + "state in kong.cache or an external store";
        } else if (atRoot && name.equals("daos.lua")) {
            message = "daos.lua (custom entities) cannot be streamed; only handler.lua and schema.lua are uploaded";
        } else if (atRoot && name.equals("api.lua")) {
            message = "api.lua (Admin API endpoints) cannot be streamed; only handler.lua and schema.lua are uploaded";
        } else if (extension.equals("lua")) {
            message = "extra Lua module '" + path + "' cannot be streamed (only handler.lua and schema.lua are "
                    + "uploaded, and the sandbox cannot require it); inline its code into handler.lua";
        } else if (CODE_EXTENSIONS.contains(extension)) {
            message = "'" + path + "' is not Lua: Konnect streams only Lua plugins (handler.lua and schema.lua); "
                    + "external plugin servers and Wasm filters cannot be streamed";
        } else {
            return;
        }
        findings.error(Rules.FILES_UNSUPPORTED, path, SourcePosition.NONE, message);
    }

    private static String missingMessage(Path directory, String name) {
        String base = name.substring(0, name.indexOf('.'));
        List<String> others = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(base + ".") && !n.equals(name))
                    .sorted().forEach(others::add);
        } catch (IOException | UncheckedIOException e) {
            others.clear(); // only a hint: without a listing, the message goes without it
        }
        return "the plugin has no " + name + (others.isEmpty() ? "" : " (found " + String.join(", ", others)
                + ": Konnect streams only Lua plugins)") + "; a streamed plugin is exactly handler.lua and schema.lua";
    }

    private static String sizeMessage(String name, long size, long max) {
        return name + " is " + size + " bytes, over the " + max + "-byte per-file limit of Konnect plugin uploads"
                + (size > ANALYSIS_LIMIT ? " (not analysed further)" : "") + "; move data out of the code or trim it";
    }
}
