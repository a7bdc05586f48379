package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.validation.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The upload name: Kong's custom_plugins entity pattern, the reserved names, and equality with the schema's. */
public final class NameRules {
    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]*[a-z0-9]$");
    private static final Map<String, String> RESERVED = loadReserved();

    /** The reserved names, sorted, as Kong lists them when it refuses one. */
    public static List<String> reservedNames() {
        return RESERVED.keySet().stream().sorted().toList();
    }

    /** Checks the upload name's format and that no Kong plugin uses it. */
    public static void checkUploadName(String name, String file, int line, int column, Findings out) {
        if (!FORMAT.matcher(name).matches()) {
            out.error(Rules.NAME_FORMAT, file, line, column, "the plugin name '" + name + "' does not match "
                    + "^[a-z][a-z0-9-]*[a-z0-9]$: use lower-case letters, digits and '-', starting with a letter");
        }
        String tier = RESERVED.get(name);
        if (tier != null) {
            out.error(Rules.NAME_RESERVED, file, line, column, "'" + name + "' is the name of a " + tier
                    + " Kong plugin; choose a distinct name, e.g. with your organisation as a prefix");
        }
    }

    /** Checks that the schema's name equals the upload name. */
    public static void checkMatches(String uploadName, String schemaName, int line, int column, Findings out) {
        if (!uploadName.equals(schemaName)) {
            out.error(Rules.NAME_MISMATCH, "schema.lua", line, column, "the schema's name is '" + schemaName
                    + "' but the plugin is uploaded as '" + uploadName + "'; Konnect requires them to be equal: "
                    + "rename the plugin folder or change the name in schema.lua");
        }
    }

    private static Map<String, String> loadReserved() {
        Map<String, String> reserved = new HashMap<>();
        String section = null;
        try (InputStream in = NameRules.class.getResourceAsStream(
                "/dev/konnectplugins/internal/validation/reserved-plugin-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing reserved-plugin-names.txt");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("[")) {
                    section = switch (trimmed) {
                        case "[bundled]" -> "bundled";
                        case "[enterprise]", "[enterprise-bundled]" -> "Kong Enterprise";
                        default -> "Kong AI Gateway";
                    };
                } else if (section != null) {
                    for (String name : trimmed.split("\\s+")) {
                        reserved.put(name, section);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reserved;
    }

    private NameRules() {
    }
}
