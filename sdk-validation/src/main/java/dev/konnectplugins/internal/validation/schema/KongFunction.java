package dev.konnectplugins.internal.validation.schema;

import java.util.function.Function;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A function of Kong's that a schema written as data names ({@code {"$function": name}}), ported to Java: as a
 * custom_validator it returns Kong's message or null.
 */
public final class KongFunction extends VarArgFunction {
    private final Function<LuaValue, String> check;

    /** A validator named {@code name} (Kong's function name) checking values with {@code check}. */
    public KongFunction(String name, Function<LuaValue, String> check) {
        this.name = name;
        this.check = check;
    }

    /** Kong's message for {@code value}, or null when it passes. */
    public String problem(LuaValue value) {
        return check.apply(value);
    }

    @Override
    public Varargs invoke(Varargs args) {
        String problem = check.apply(args.arg1());
        return problem == null ? LuaValue.TRUE : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(problem));
    }

    /**
     * The functions the metaschema data names. kong.db.schema.json's validate_schema checks a JSON schema against
     * its draft metaschema, which is not modelled: every value passes.
     */
    public static LuaValue named(String name) {
        return switch (name) {
            case "json.validate_schema" -> new KongFunction("validate_schema", value -> null);
            default -> null;
        };
    }
}
