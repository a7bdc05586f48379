package dev.konnectplugins.internal.validation.lua;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.LuaString;

/**
 * The Lua strings of the names the checks look up in Lua tables ({@code "type"}, {@code "fields"}, {@code "__index"}),
 * made once. luaj's {@code rawget(String)} encodes the name to UTF-8 and hashes it on every call, which was a fifth
 * of a warm validation; a lookup here is a Java string hash, cached in the string.
 */
public final class LuaKeys {
    /** Names come from the validator's own constants; past this many, a name is not kept (the map stays small). */
    private static final int MAX_KEPT = 4096;
    private static final Map<String, LuaString> KEPT = new ConcurrentHashMap<>();

    /** The Lua string of {@code name}. */
    public static LuaString of(String name) {
        LuaString key = KEPT.get(name);
        if (key != null) {
            return key;
        }
        key = LuaString.valueOf(name);
        if (KEPT.size() < MAX_KEPT) {
            KEPT.putIfAbsent(name, key);
        }
        return key;
    }

    private LuaKeys() {
    }
}
