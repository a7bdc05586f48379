package dev.konnectplugins.internal.validation.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code custom_validator} of one of Kong's typedefs (kong/db/schema/typedefs.lua and kong/tools/http.lua at
 * Kong/kong f6b4167a), ported: the schema's defaults are checked with it, and a plugin calling it gets Kong's
 * answer ({@code true}, or {@code nil} and the message). Being a Java function, it cannot be forged by plugin code,
 * so the rules may run it outside the sandbox.
 */
public final class TypedefValidator extends VarArgFunction {
    private static final Pattern HEADER_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._~-]+$");
    private static final Pattern PATH = Pattern.compile("^/[A-Za-z0-9.\\-_~/%:@!$&'()*+,;=]*$");
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final Function<LuaString, String> check;
    /** False for a validator of Kong's that is not ported: it accepts every value, and its verdict is unknown. */
    private final boolean exact;

    private TypedefValidator(String name, Function<LuaString, String> check) {
        this(name, check, true);
    }

    private TypedefValidator(String name, Function<LuaString, String> check, boolean exact) {
        this.name = name;
        this.check = check;
        this.exact = exact;
    }

    /** Kong's validator {@code kongName}, not ported: it accepts every value (its verdict is not modelled). */
    static TypedefValidator unported(String kongName) {
        return new TypedefValidator(kongName, value -> null, false);
    }

    /** Whether this validator's verdict is Kong's (false for one that is not ported). */
    public boolean exact() {
        return exact;
    }

    /** The ported validators, by typedef name, for the sandbox prelude to attach. */
    static LuaTable all() {
        LuaTable t = new LuaTable();
        t.rawset("header_name", new TypedefValidator("validate_header_name", TypedefValidator::headerName));
        t.rawset("name", new TypedefValidator("validate_name", TypedefValidator::name));
        t.rawset("utf8_name", new TypedefValidator("validate_utf8_name", TypedefValidator::utf8Name));
        t.rawset("tag", new TypedefValidator("validate_tag", TypedefValidator::tag));
        t.rawset("path", new TypedefValidator("validate_path", TypedefValidator::path));
        KongAddressChecks.register((typedef, kongName, check) ->
                t.rawset(typedef, new TypedefValidator(kongName, check)));
        return t;
    }

    /** The ported validator of the typedef {@code name}, or null when it is not ported. */
    public static LuaValue forTypedef(String name) {
        LuaValue validator = all().rawget(name);
        return validator.isnil() ? null : validator;
    }

    /** Kong's message when {@code validator} is a ported typedef validator refusing {@code value}, else null. */
    public static String problem(LuaValue validator, LuaValue value) {
        return validator instanceof TypedefValidator typedef && typedef.exact && value.type() == LuaValue.TSTRING
                ? typedef.check.apply(value.checkstring()) : null;
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (!exact) {
            return LuaValue.TRUE;
        }
        String problem = check.apply(LuaArgs.string(args, 1, name));
        return problem == null ? LuaValue.TRUE : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(problem));
    }

    private static String headerName(LuaString value) {
        String s = value.tojstring();
        if (s.isEmpty()) {
            return "no header name provided";
        }
        return HEADER_NAME.matcher(s).matches() ? null
                : "bad header name '" + s + "', allowed characters are A-Z, a-z, 0-9, '_', and '-'";
    }

    private static String name(LuaString value) {
        String s = value.tojstring();
        return ascii(value) && NAME.matcher(s).matches() ? null
                : "invalid value '" + s + "': it must only contain alphanumeric and '., -, _, ~' characters";
    }

    private static String utf8Name(LuaString value) {
        String invalid = utf8(value);
        if (invalid != null) {
            return invalid;
        }
        boolean ok = everyByte(value,
                b -> b >= 128 && b <= 244 || b < 128 && Character.isLetterOrDigit(b) || ".-_~".indexOf(b) >= 0);
        return ok ? null : "invalid value '" + value.tojstring() + "': the only accepted ascii characters are "
                + "alphanumerics or ., -, _, and ~";
    }

    private static String tag(LuaString value) {
        String invalid = utf8(value);
        if (invalid != null) {
            return invalid;
        }
        boolean ok = everyByte(value, b -> b >= 32 && b <= 126 && b != ',' && b != '/' || b >= 128 && b <= 244);
        return ok ? null : "invalid tag '" + value.tojstring() + "': expected printable ascii (except `,` and `/`) "
                + "or valid utf-8 sequences";
    }

    /** Whether {@code value} is not empty and each of its bytes is {@code allowed}. */
    private static boolean everyByte(LuaString value, IntPredicate allowed) {
        if (value.m_length == 0) {
            return false;
        }
        for (int i = 0; i < value.m_length; i++) {
            if (!allowed.test(value.luaByte(i))) {
                return false;
            }
        }
        return true;
    }

    private static String path(LuaString value) {
        String s = value.tojstring();
        if (!ascii(value) || !PATH.matcher(s).matches()) {
            return "invalid path: '" + s + "' (characters outside of the reserved list of RFC 3986 found)";
        }
        String raw = PERCENT_ENCODED.matcher(s).replaceAll("___");
        int percent = raw.indexOf('%');
        return percent < 0 ? null
                : "invalid url-encoded value: '" + raw.substring(percent, Math.min(raw.length(), percent + 3)) + "'";
    }

    private static boolean ascii(LuaString value) {
        for (int i = 0; i < value.m_length; i++) {
            if (value.luaByte(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(LuaString value) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.m_bytes, value.m_offset, value.m_length));
            return null;
        } catch (CharacterCodingException e) {
            return "invalid utf-8 character sequence detected";
        }
    }
}
