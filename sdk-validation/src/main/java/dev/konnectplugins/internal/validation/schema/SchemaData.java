package dev.konnectplugins.internal.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.konnectplugins.internal.validation.sandbox.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A Kong schema written as data (a JSON resource of this package): {@code definitions} of shared tables and the
 * {@code schema} built from them, turned into the Lua tables Kong's code would hold. {@code {"$ref": name}} is the
 * one table {@code definitions.name} (so definitions can be recursive, as Kong's field_schema is),
 * {@code {"$concat": [...]}} a new array of the items of the listed arrays, {@code {"$null": true}} ngx.null and
 * {@code {"$function": name}} a function the caller supplies. The {@code source} entry names the Kong file and commit
 * the data mirrors.
 */
public final class SchemaData {
    private final JsonNode root;
    private final Function<String, LuaValue> functions;
    private final Map<String, LuaValue> built = new HashMap<>();

    private SchemaData(JsonNode root, Function<String, LuaValue> functions) {
        this.root = root;
        this.functions = functions;
    }

    /** Reads a resource of this package; {@code functions} resolves {@code $function} names (null: unknown). */
    public static SchemaData load(String resource, Function<String, LuaValue> functions) {
        try (InputStream in = SchemaData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema data resource " + resource);
            }
            return new SchemaData(JsonData.read(in), functions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema data resource " + resource, e);
        }
    }

    /** The {@code source} entry: the Kong file and commit this data mirrors. */
    public String source() {
        return root.path("source").asText();
    }

    /** The raw JSON, for tests that list what the data declares. */
    public JsonNode json() {
        return root;
    }

    /** The {@code schema} entry as Lua tables. */
    public LuaValue schema() {
        return build(root.get("schema"));
    }

    /** The named definition as Lua tables (each call after the first returns the same table). */
    public LuaValue definition(String name) {
        LuaValue done = built.get(name);
        if (done != null) {
            return done;
        }
        JsonNode node = root.path("definitions").get(name);
        if (node == null) {
            throw new IllegalStateException("schema data: no definition '" + name + "'");
        }
        LuaTable table = new LuaTable();
        built.put(name, table); // registered before it is filled: a definition may refer to itself
        fill(table, node);
        return table;
    }

    private LuaValue build(JsonNode node) {
        if (node.isObject() && node.has("$ref")) {
            return definition(node.get("$ref").asText());
        }
        if (node.isObject() && node.has("$null")) {
            return Lua.NULL;
        }
        if (node.isObject() && node.has("$function")) {
            String name = node.get("$function").asText();
            LuaValue fn = functions.apply(name);
            if (fn == null) {
                throw new IllegalStateException("schema data: no function '" + name + "'");
            }
            return fn;
        }
        if (node.isObject() || node.isArray()) {
            LuaTable table = new LuaTable();
            fill(table, node);
            return table;
        }
        if (node.isTextual()) {
            return LuaValue.valueOf(node.asText());
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.asBoolean());
        }
        if (node.isIntegralNumber()) {
            return LuaValue.valueOf(node.asLong());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.asDouble());
        }
        throw new IllegalStateException("schema data: unsupported value " + node);
    }

    private void fill(LuaTable table, JsonNode node) {
        if (node.isObject() && node.has("$concat")) {
            for (JsonNode part : node.get("$concat")) {
                LuaValue list = build(part);
                for (int i = 1; i <= list.rawlen(); i++) {
                    table.rawset(table.rawlen() + 1, list.rawget(i));
                }
            }
        } else if (node.isArray()) {
            int i = 1;
            for (JsonNode item : node) {
                table.rawset(i++, build(item));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                table.rawset(e.getKey(), build(e.getValue()));
            }
        } else {
            throw new IllegalStateException("schema data: a definition must be an object or an array: " + node);
        }
    }
}
