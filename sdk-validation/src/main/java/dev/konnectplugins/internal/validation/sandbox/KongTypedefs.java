package dev.konnectplugins.internal.validation.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * Kong Enterprise 3.10's typedefs (kong/db/schema/typedefs.lua at Kong/kong f6b4167a) as data: the resource
 * {@code kong-typedefs.json}, dumped from Kong's own module, read once and turned into fresh Lua tables for each
 * evaluation that requires {@code kong.db.schema.typedefs} (so that no plugin sees another's changes). A custom
 * validator ported to Java ({@link TypedefValidator}) checks values; any other is a function that accepts.
 */
final class KongTypedefs {
    private static final String TYPEDEFS_PREFIX = "typedefs.";
    private static final String RESOURCE = "/dev/konnectplugins/internal/validation/kong-typedefs.json";
    private static final JsonNode TYPEDEFS = read().get("typedefs");
    /** Kong's validator function names, for those ported to Java, and the typedef whose validator that is. */
    private static final Map<String, String> PORTED = Map.ofEntries(Map.entry("validate_header_name", "header_name"),
            Map.entry("validate_name", "name"), Map.entry("validate_utf8_name", "utf8_name"),
            Map.entry("validate_tag", "tag"), Map.entry("validate_path", "path"), Map.entry("validate_host", "host"),
            Map.entry("validate_host_with_optional_port", "host_with_optional_port"),
            Map.entry("validate_host_with_wildcards", "host_with_wildcards"), Map.entry("validate_sni", "sni"),
            Map.entry("validate_wildcard_host", "wildcard_host"), Map.entry("validate_ip", "ip"),
            Map.entry("validate_ip_or_cidr", "ip_or_cidr"), Map.entry("validate_ip_or_cidr_v4", "cidr_v4"),
            Map.entry("validate_url", "url"), Map.entry("validate_cookie_name", "cookie_name"),
            Map.entry("validate_utf8_string", "utf8_string"));

    /** The function the prelude calls: every typedef, by name, as plain tables (the prelude adds the metatables). */
    static LuaValue loader() {
        return new ZeroArgFunction() {
            @Override
            public LuaValue call() {
                return all();
            }
        };
    }

    /** Every typedef, freshly built: a copy of tables made once, whose leaves (strings, numbers, functions) are shared. */
    static LuaTable all() {
        return copy(Built.TEMPLATE);
    }

    /** The typedefs as Lua tables, built from the data once; only copied, never handed out. */
    private static final class Built {
        static final LuaTable TEMPLATE = build();

        private static LuaTable build() {
            LuaTable t = new LuaTable();
            for (Map.Entry<String, JsonNode> e : TYPEDEFS.properties()) {
                t.rawset(e.getKey(), KongTypedefs.build(e.getValue()));
            }
            return t;
        }
    }

    /** A copy of the tables of {@code template}, of the same sizes; the data has no shared or cyclic tables. */
    private static LuaTable copy(LuaTable template) {
        int entries = 0;
        for (Varargs e = template.next(LuaValue.NIL); !e.arg1().isnil(); e = template.next(e.arg1())) {
            entries++;
        }
        int list = template.rawlen();
        LuaTable t = new LuaTable(list, entries - list);
        for (Varargs e = template.next(LuaValue.NIL); !e.arg1().isnil(); e = template.next(e.arg1())) {
            LuaValue value = e.arg(2);
            t.rawset(e.arg1(), value instanceof LuaTable table ? copy(table) : value);
        }
        return t;
    }

    /** The typedef names the data defines. */
    static Iterator<String> names() {
        return TYPEDEFS.fieldNames();
    }

    private static LuaValue build(JsonNode node) {
        if (node.isObject() && node.has("$null")) {
            return NgxNull.VALUE;
        }
        if (node.isObject() && node.has("$function")) {
            String name = node.get("$function").asText();
            return function(name.startsWith(TYPEDEFS_PREFIX) ? name.substring(TYPEDEFS_PREFIX.length()) : name);
        }
        if (node.isArray()) {
            LuaTable t = new LuaTable();
            int i = 1;
            for (JsonNode item : node) {
                t.rawset(i++, build(item));
            }
            return t;
        }
        if (node.isObject()) {
            LuaTable t = new LuaTable();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                t.rawset(e.getKey(), build(e.getValue()));
            }
            return t;
        }
        if (node.isTextual()) {
            return LuaValue.valueOf(node.asText());
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.asBoolean());
        }
        return node.isIntegralNumber() ? LuaValue.valueOf(node.asLong()) : LuaValue.valueOf(node.asDouble());
    }

    private static LuaValue function(String kongName) {
        String typedef = PORTED.get(kongName);
        if (typedef != null) {
            return TypedefValidator.all().rawget(typedef);
        }
        return TypedefValidator.unported(kongName);
    }

    private static JsonNode read() {
        try (InputStream in = KongTypedefs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return JsonData.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private KongTypedefs() {
    }
}
