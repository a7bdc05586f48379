package dev.konnectplugins.internal.validation.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Kong's plugin-streaming sandbox provides, read from {@code sandbox-allowlist.txt} (names only, one per line,
 * by section): the globals and fields of the handler and schema environments, and the modules each may require.
 * Kept as data so that a newer gateway's lists can replace it.
 */
public final class SandboxSpec {
    /** Which environment a file runs in. */
    public enum Kind {
        HANDLER("handler.lua"),
        SCHEMA("schema.lua");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** The plugin file that runs in this environment. */
        public String file() {
            return file;
        }
    }

    /**
     * Names a plugin may read as globals in real Lua/LuaJIT/OpenResty/Kong. Only for these does "not in the sandbox"
     * mean a sure failure; any other unknown global is nil everywhere and not the sandbox's doing.
     */
    private static final Set<String> WELL_KNOWN_GLOBALS = Set.of("setmetatable", "getmetatable", "rawget", "rawset",
            "rawequal", "rawlen", "load", "loadstring", "loadfile", "dofile", "collectgarbage", "gcinfo", "getfenv",
            "setfenv", "module", "newproxy", "package", "debug", "ngx", "kong", "ndk", "native_timer_at",
            "native_timer_every", "bit32", "utf8", "string", "table", "math", "os", "io", "coroutine", "bit", "jit");

    private static final SandboxSpec INSTANCE = load();

    private final Node handlerRoot = new Node();
    private final Node schemaRoot = new Node();
    private final List<String> handlerNames = new ArrayList<>();
    private final List<String> schemaNames = new ArrayList<>();
    private final Set<String> handlerRequires = new LinkedHashSet<>();
    private final Set<String> schemaRequires = new LinkedHashSet<>();
    private String source = "unknown";

    /** The spec bundled with this library. */
    public static SandboxSpec bundled() {
        return INSTANCE;
    }

    /** The result of looking a path up. */
    public sealed interface Lookup permits Present, Missing {
    }

    /** The path exists, or leads into a value the sandbox passes through unchanged (ngx.var, a string...). */
    public record Present() implements Lookup {
    }

    /**
     * The first {@code length} segments of the path name something the sandbox does not have. {@code undefined}
     * is true when the root is a name that no Lua/OpenResty/Kong environment defines either (a typo, or a global
     * such as {@code _KONG} the sandbox leaves out): it is nil, and only indexing or calling it fails.
     */
    public record Missing(int length, boolean undefined) implements Lookup {
        Missing(int length) {
            this(length, false);
        }
    }

    /** Looks up a global path such as {@code [ngx, timer, at]} in an environment. */
    public Lookup lookup(Kind kind, List<String> path) {
        Node node = root(kind);
        for (int i = 0; i < path.size(); i++) {
            if (node.opaque || (i > 0 && node.children.isEmpty())) {
                return new Present();
            }
            Node child = node.children.get(path.get(i));
            if (child == null) {
                if (i == 0 && !WELL_KNOWN_GLOBALS.contains(path.get(0))) {
                    return new Missing(1, true);
                }
                return new Missing(i + 1);
            }
            node = child;
        }
        return new Present();
    }

    /** Whether the table at {@code path} is a protected sandbox table, so that writing a field of it fails. */
    public boolean isProtectedTable(Kind kind, List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.size() == 1 && path.get(0).equals("ngx")) {
            return false;
        }
        Node node = root(kind);
        for (String segment : path) {
            if (node.opaque) {
                return false;
            }
            node = node.children.get(segment);
            if (node == null) {
                return false;
            }
        }
        return !node.opaque && !node.children.isEmpty();
    }

    /** Whether {@code require(module)} is allowed in this environment. */
    public boolean canRequire(Kind kind, String module) {
        return (kind == Kind.HANDLER ? handlerRequires : schemaRequires).contains(module);
    }

    /** The dotted names of every value in the environment, as listed (for building an evaluation sandbox). */
    public List<String> names(Kind kind) {
        return Collections.unmodifiableList(kind == Kind.HANDLER ? handlerNames : schemaNames);
    }

    /** Where the lists come from (repository, commit, files), as the data file's {@code [source]} line says. */
    public String source() {
        return source;
    }

    /** The allowlisted modules of an environment. */
    public Set<String> requires(Kind kind) {
        return Collections.unmodifiableSet(kind == Kind.HANDLER ? handlerRequires : schemaRequires);
    }

    private Node root(Kind kind) {
        return kind == Kind.HANDLER ? handlerRoot : schemaRoot;
    }

    private static SandboxSpec load() {
        SandboxSpec spec = new SandboxSpec();
        Map<String, List<String>> sections = readSections("sandbox-allowlist.txt");
        List<String> source = sections.getOrDefault("source", List.of());
        if (!source.isEmpty()) {
            spec.source = String.join(" ", source);
        }
        for (String name : sections.getOrDefault("lua-environment", List.of())) {
            spec.add(Kind.HANDLER, name);
            spec.add(Kind.SCHEMA, name);
        }
        sections.getOrDefault("handler-environment", List.of()).forEach(n -> spec.add(Kind.HANDLER, n));
        sections.getOrDefault("schema-environment", List.of()).forEach(n -> spec.add(Kind.SCHEMA, n));
        spec.handlerRequires.addAll(sections.getOrDefault("lua-require", List.of()));
        spec.handlerRequires.addAll(sections.getOrDefault("handler-require", List.of()));
        spec.schemaRequires.addAll(sections.getOrDefault("lua-require", List.of()));
        spec.schemaRequires.addAll(sections.getOrDefault("schema-require", List.of()));
        spec.addExtras();
        return spec;
    }

    /** What Kong's environment/init.lua sets up besides the lists (its protect() function). */
    private void addExtras() {
        for (Node root : List.of(handlerRoot, schemaRoot)) {
            root.child("_G").opaque = true;
            root.child("require");
        }
        Node ngx = handlerRoot.child("ngx");
        for (String passedThrough : List.of("var", "arg", "header", "ctx")) {
            ngx.child(passedThrough).opaque = true;
        }
        for (String leaf : List.of("headers_sent", "is_subrequest", "status")) {
            ngx.child(leaf);
        }
        Node kong = handlerRoot.child("kong");
        kong.child("configuration").opaque = true;
        Node ctx = kong.child("ctx");
        ctx.child("shared").opaque = true;
        ctx.child("plugin").opaque = true;
    }

    private void add(Kind kind, String dotted) {
        (kind == Kind.HANDLER ? handlerNames : schemaNames).add(dotted);
        Node node = root(kind);
        for (String segment : dotted.split("\\.")) {
            node = node.child(segment);
        }
    }

    /**
     * Reads {@code [section]} blocks of whitespace-separated names from one of the validator's data files;
     * {@code #} starts a comment, also after a name.
     */
    public static Map<String, List<String>> readSections(String resource) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        try (InputStream in = SandboxSpec.class.getResourceAsStream("/dev/konnectplugins/internal/validation/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String trimmed = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                    current = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    addWords(trimmed, current);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }

    /**
     * Adds the words of {@code line}, split at whitespace. Not {@code String.split("\\s+")}: that compiles a regular
     * expression for each of the file's 600 lines, a fifth of a fresh JVM's sandbox set-up.
     */
    private static void addWords(String line, List<String> words) {
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                words.add(line.substring(start, i));
                start = -1;
            }
        }
    }

    /** One table or value of an environment. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        boolean opaque;

        Node child(String name) {
            return children.computeIfAbsent(name, k -> new Node());
        }
    }
}
