package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * {@code ngx.null}, which is cjson's NULL: a light userdata in OpenResty, so that indexing it or writing to it fails
 * ("attempt to index field 'null' (a userdata value)") and {@code tostring} gives {@code userdata: NULL}. One
 * instance serves every evaluation: a userdata without a metatable cannot be changed from Lua.
 */
public final class NgxNull extends LuaUserdata {

    /** The value every sandbox binds to {@code ngx.null} and typedefs use as {@code eq}. */
    public static final LuaValue VALUE = new NgxNull();

    private NgxNull() {
        super("userdata: NULL");
    }

    // luaj's userdata reads as nil where it has no metatable; LuaJIT's raises.
    @Override
    public LuaValue get(LuaValue key) {
        throw new LuaError("attempt to index ? (a userdata value) with key '" + key.tojstring() + "'");
    }

    @Override
    public LuaValue get(int key) {
        return get(LuaValue.valueOf(key));
    }

    @Override
    public LuaValue get(String key) {
        return get(LuaValue.valueOf(key));
    }

    /** Whether {@code value} is {@code ngx.null}. */
    public static boolean is(LuaValue value) {
        return value == VALUE;
    }
}
