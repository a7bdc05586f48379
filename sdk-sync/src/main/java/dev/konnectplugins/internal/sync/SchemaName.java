package dev.konnectplugins.internal.sync;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin name a schema.lua declares, when it declares it as a string literal ({@code name = "x"}) in its
 * returned table. Best effort, without running Lua: a name held in a variable is not found, and sdk-validation (when
 * present) then checks it properly before any upload.
 */
public final class SchemaName {
    // The first `name = "..."` of the file: in Kong's schema layout the plugin name comes before the fields, whose
    // own entries are `{ name = { type = ... } }` (a table, not a string).
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])name\\s*=\\s*([\"'])([^\"'\\\\\\n]*)\\1");
    private static final Pattern LINE_COMMENT = Pattern.compile("--(?!\\[\\[)[^\\n]*");

    private SchemaName() {
    }

    public static Optional<String> of(String schemaLua) {
        Matcher matcher = NAME.matcher(LINE_COMMENT.matcher(schemaLua).replaceAll(""));
        return matcher.find() ? Optional.of(matcher.group(2)) : Optional.empty();
    }
}
