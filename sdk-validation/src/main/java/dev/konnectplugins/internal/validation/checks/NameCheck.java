package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.checks.Findings;
import dev.konnectplugins.internal.validation.checks.SchemaCheck.SchemaName;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.validation.Rules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules {@code name.format}, {@code name.reserved}, {@code name.mismatch} (errors) and {@code name.unresolved}
 * (warning): the upload name against Kong's custom_plugins entity pattern, the reserved names, and the schema's.
 */
public final class NameCheck {
    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]*[a-z0-9]$");
    private static final Map<String, String> RESERVED = loadReserved();

    /** The reserved names, sorted, as Kong lists them when it refuses one. */
    public static List<String> reservedNames() {
        return RESERVED.keySet().stream().sorted().toList();
    }

    /**
     * Checks the upload name against the name schema.lua gives (placed there when they are equal, on the file
     * otherwise); a warning when the schema's name cannot be told and nothing else is wrong with schema.lua.
     */
    public static void check(PluginModel plugin, SchemaName schemaName, Findings out) {
        String name = plugin.uploadName();
        FileAnalysis schema = plugin.schema();
        boolean sameName = name.equals(schemaName.name());
        checkUploadName(name, "schema.lua", sameName ? schemaName.at() : SourcePosition.NONE, out);
        if (schemaName.name() != null) {
            checkMatches(name, schemaName.name(), schemaName.at(), out);
        } else if (schema != null && !out.hasAnyError("schema.lua")) {
            out.warning(Rules.NAME_UNRESOLVED, "schema.lua", schemaName.at(),
                    "the schema's name could not be determined offline; make sure it is '" + name + "'");
        }
    }

    /** Checks the upload name's format and that no Kong plugin uses it. */
    static void checkUploadName(String name, String file, SourcePosition at, Findings out) {
        if (!FORMAT.matcher(name).matches()) {
            out.error(Rules.NAME_FORMAT, file, at, "the plugin name '" + name + "' does not match "
                    + "^[a-z][a-z0-9-]*[a-z0-9]$: use lower-case letters, digits and '-', starting with a letter");
        }
        String tier = RESERVED.get(name);
        if (tier != null) {
            out.error(Rules.NAME_RESERVED, file, at, "'" + name + "' is the name of a " + tier
                    + " Kong plugin; choose a distinct name, e.g. with your organisation as a prefix");
        }
    }

    /** Checks that the schema's name equals the upload name. */
    static void checkMatches(String uploadName, String schemaName, SourcePosition at, Findings out) {
        if (!uploadName.equals(schemaName)) {
            out.error(Rules.NAME_MISMATCH, "schema.lua", at, "the schema's name is '" + schemaName
                    + "' but the plugin is uploaded as '" + uploadName + "'; Konnect requires them to be equal: "
                    + "rename the plugin folder or change the name in schema.lua");
        }
    }

    private static Map<String, String> loadReserved() {
        Map<String, String> reserved = new HashMap<>();
        SandboxSpec.readSections("reserved-plugin-names.txt").forEach((section, names) -> {
            String owner = switch (section) {
                case "bundled" -> "bundled";
                case "enterprise", "enterprise-bundled" -> "Kong Enterprise";
                default -> "Kong AI Gateway";
            };
            names.forEach(name -> reserved.put(name, owner));
        });
        return reserved;
    }

    private NameCheck() {
    }
}
