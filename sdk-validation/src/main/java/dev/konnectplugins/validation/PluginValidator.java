package dev.konnectplugins.validation;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.validation.PluginCheck;
import dev.konnectplugins.internal.validation.PluginFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks, offline, that Konnect would accept a custom plugin and that Kong's plugin sandbox can run it: the files,
 * the LuaJIT syntax, the names, the handler and schema shapes, and every timer, global and module the code reaches.
 * Thread-safe and reusable: each validation evaluates the plugin's code in an environment of its own, under limits of
 * instructions, memory, call depth and time, so concurrent validations give exactly the results sequential ones
 * give, and no thread a validation starts outlives the call (one abandoned at the wall-clock limit stops at its next
 * budget check, and is a daemon meanwhile). At most one validation per processor (at least two)
 * runs at a time; the others wait.
 *
 * <pre>{@code
 * PluginValidator validator = PluginValidator.builder().build();
 * ValidationResult result = validator.validateDirectory(Path.of("kong/plugins/stream-headers"));
 * result.diagnostics().forEach(System.out::println);   // handler.lua:9:19: error [sandbox.timer] ...
 * }</pre>
 */
public final class PluginValidator {
    /** Konnect's per-file limit for plugin uploads: 100 KB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024;

    private static final String IN_MEMORY = "<memory>";

    private final long maxFileSize;

    private PluginValidator(Builder builder) {
        this.maxFileSize = builder.maxFileSize;
    }

    /**
     * A builder with Konnect's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a plugin directory (handler.lua and schema.lua at its root), uploaded under the directory's name.
     *
     * @param directory the plugin's directory
     * @return the findings; a file that cannot be read is one of them
     * @throws UncheckedIOException when the directory does not exist
     */
    public ValidationResult validateDirectory(Path directory) {
        return validateDirectory(directory, directoryName(directory));
    }

    /**
     * Validates a plugin directory that would be uploaded as {@code name}. Whatever the directory holds, the outcome
     * is a result: a file that cannot be read is a diagnostic, and so is a failure of the validator itself.
     *
     * @param directory the plugin's directory
     * @param name the name the plugin would be uploaded under
     * @return the findings
     * @throws UncheckedIOException when the directory does not exist
     */
    public ValidationResult validateDirectory(Path directory, String name) {
        Objects.requireNonNull(name, "name");
        requireDirectory(directory);
        return new ValidationResult(directory.toString(), name,
                PluginCheck.run(name, () -> PluginFiles.fromDirectory(directory, maxFileSize)));
    }

    /**
     * Validates an in-memory source under its name. When it was read from a directory, that directory's other files
     * are checked too (files.unsupported), but the handler and schema text are the source's. Never throws: a failure
     * of the validator itself is a validation.incomplete error.
     *
     * @param source the plugin to check
     * @return the findings
     */
    public ValidationResult validate(PluginSource source) {
        Objects.requireNonNull(source, "source");
        String path = source.directory().map(Path::toString).orElse(IN_MEMORY);
        return new ValidationResult(path, source.name(),
                PluginCheck.run(source.name(), () -> PluginFiles.fromSource(source, maxFileSize)));
    }

    /**
     * What Konnect answers to a POST or PUT of this plugin: Kong's checks of the {@code custom_plugins} entity (both
     * files compiled and run in the sandbox, the restricted metaschema, PRIORITY, VERSION, {@code init_worker},
     * {@code response} with the filters, the name's pattern, the reserved names, name = schema name) and Konnect's
     * per-file limit, worded as Kong words them, one refusal per field. Empty exactly when {@link #validate} finds no
     * error of stage {@link dev.konnectplugins.Stage#UPLOAD}: the verdict is the validator's. FakeKonnect answers
     * uploads with it.
     *
     * @param name    the name the plugin is uploaded under
     * @param handler the text of handler.lua
     * @param schema  the text of schema.lua
     * @return the refused fields, in the order name, schema, handler; empty when Konnect accepts the upload
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public List<UploadRefusal> checkUpload(String name, String handler, String schema) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(schema, "schema");
        PluginSource source = PluginSource.of(name, handler, schema);
        PluginCheck.Outcome outcome = PluginCheck.runUpload(name, () -> PluginFiles.fromSource(source, maxFileSize));
        List<UploadRefusal> refusals = new ArrayList<>();
        outcome.refusals().forEach((field, message) -> refusals.add(new UploadRefusal(field, message)));
        return List.copyOf(refusals);
    }

    /**
     * The name a schema.lua gives its plugin, as Kong reads it on upload: the file's top level is run in Kong's schema
     * sandbox and the returned table's {@code name} taken; when it cannot run offline, the name the file plainly
     * states ({@code name = "x"} in the returned table). The one reader of schema names that the validator, sync, the
     * CLI and FakeKonnect share.
     *
     * @param schema the text of schema.lua
     * @return the name, or empty when the schema gives none that can be told offline (it does not compile, fails,
     *         or computes the name from something only a gateway has)
     */
    public static Optional<String> schemaName(String schema) {
        Objects.requireNonNull(schema, "schema");
        return Optional.ofNullable(PluginCheck.schemaName(schema));
    }

    /**
     * Validates every plugin under {@code root}: {@code root} itself when it is a plugin directory, else each
     * {@code kong/plugins/<name>/} of a repository in Kong's plugin-template layout.
     *
     * @param root a plugin directory, or a repository holding {@code kong/plugins/<name>/}
     * @return one result per plugin, in the order of {@link #findPlugins}
     * @throws UncheckedIOException when {@code root} does not exist or cannot be read
     */
    public List<ValidationResult> validateAll(Path root) {
        List<ValidationResult> results = new ArrayList<>();
        for (Path plugin : findPlugins(root)) {
            results.add(validateDirectory(plugin));
        }
        return results;
    }

    /**
     * The plugin directories under {@code root}, as sync and the CLI find them ({@link PluginSource#findDirectories}):
     * {@code root} itself when it holds a handler or schema file; else each sub-folder of {@code root/kong/plugins}
     * (Kong's template layout), or of {@code root}, that holds one; {@code root} alone when there is none, so that
     * validating it reports the missing files.
     *
     * @param root a plugin directory, a folder of plugin directories, or a repository holding {@code kong/plugins}
     * @return the plugin directories, sorted; {@code root} alone when it is a plugin directory or holds none
     * @throws UncheckedIOException when {@code root} does not exist or cannot be read
     */
    public static List<Path> findPlugins(Path root) {
        requireDirectory(root);
        List<Path> found = PluginSource.findDirectories(root);
        return found.isEmpty() ? List.of(root) : found;
    }

    /**
     * The per-file size limit in bytes.
     *
     * @return the limit, in bytes
     */
    public long maxFileSize() {
        return maxFileSize;
    }

    private static void requireDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException(
                    (Files.exists(directory) ? "Not a directory: " : "No such directory: ") + directory));
        }
    }

    private static String directoryName(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            throw new IllegalArgumentException("A plugin directory needs a name, got " + directory);
        }
        return name.toString();
    }

    /** Options of a {@link PluginValidator}. */
    public static final class Builder {
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;

        private Builder() {
        }

        /**
         * The per-file size limit in bytes (default {@value PluginValidator#DEFAULT_MAX_FILE_SIZE}).
         *
         * @param bytes the limit, in bytes, positive
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive, got " + bytes);
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * The validator.
         *
         * @return the validator; safe to share between threads
         */
        public PluginValidator build() {
            return new PluginValidator(this);
        }
    }
}
