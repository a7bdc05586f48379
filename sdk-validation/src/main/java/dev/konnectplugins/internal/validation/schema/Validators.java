package dev.konnectplugins.internal.validation.schema;

import dev.konnectplugins.internal.validation.sandbox.TypedefValidator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Kong's {@code Schema.validators}, in {@code Schema.validators_order}. Each returns null when the value passes, else
 * Kong's message (before {@code field.err} overrides it); a validator that fails without a message yields the
 * default one of validation_errors.
 */
final class Validators {
    /** Schema.validators_order. */
    static final List<String> ORDER = List.of("eq", "ne", "not_one_of", "one_of", "gt", "timestamp", "uuid",
            "is_regex", "between", "len_eq", "len_min", "len_max", "starts_with", "not_match", "match_none", "match",
            "match_all", "match_any", "contains", "custom_validator", "mutually_exclusive_subsets");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);

    private final SchemaHooks hooks;

    Validators(SchemaHooks hooks) {
        this.hooks = hooks;
    }

    /** Runs validator {@code name} with its argument; null when the value passes. */
    String run(String name, LuaValue value, LuaValue arg, boolean map) {
        hooks.charge(name);
        return switch (name) {
            case "eq" -> Lua.equal(value, arg) ? null
                    : String.format(Messages.EQ, Lua.isNull(arg) ? "null" : Lua.str(arg));
            case "ne" -> !Lua.equal(value, arg) ? null
                    : String.format(Messages.NE, Lua.isNull(arg) ? "null" : Lua.str(value));
            case "not_one_of" -> notOneOf(value, arg);
            case "one_of" -> oneOf(value, arg);
            case "gt" -> Lua.lessThan(arg, value) ? null : String.format(Messages.GT, Lua.str(arg));
            case "timestamp" -> Lua.lessThan(LuaValue.ZERO, value) ? null : Messages.TIMESTAMP;
            case "uuid" -> Lua.length(value) == 36 && UUID.matcher(value.tojstring()).matches() ? null
                    : Messages.UUID;
            case "is_regex" -> isRegex(value) ? null : String.format(Messages.IS_REGEX, Lua.str(value));
            case "between" -> between(value, arg);
            case "len_eq", "len_min", "len_max" -> length(name, value, arg, map);
            case "starts_with" -> startsWith(value, arg);
            case "not_match" -> matches(value, arg) ? invalid(value) : null;
            case "match" -> matches(value, arg) ? null : invalid(value);
            case "match_none" -> matchNone(value, arg);
            case "match_all" -> matchAll(value, arg);
            case "match_any" -> matchAny(value, arg);
            case "contains" -> contains(value, arg);
            case "custom_validator" -> custom(value, arg);
            case "mutually_exclusive_subsets" -> subsets(value, arg);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String invalid(LuaValue value) {
        return String.format(Messages.INVALID_VALUE, Lua.str(value));
    }

    private String oneOf(LuaValue value, LuaValue options) {
        int n = Lua.length(options);
        hooks.chargeEach(n);
        for (int i = 1; i <= n; i++) {
            if (Lua.equal(value, Lua.index(options, LuaValue.valueOf(i)))) {
                return null;
            }
        }
        return String.format(Messages.ONE_OF, Lua.concat(options, ", "));
    }

    private String notOneOf(LuaValue value, LuaValue options) {
        int n = Lua.length(options);
        hooks.chargeEach(n);
        for (int i = 1; i <= n; i++) {
            if (Lua.equal(value, Lua.index(options, LuaValue.valueOf(i)))) {
                return String.format(Messages.NOT_ONE_OF, Lua.concat(options, ", "));
            }
        }
        return null;
    }

    private static String between(LuaValue value, LuaValue limits) {
        LuaValue low = Lua.index(limits, LuaValue.ONE);
        LuaValue high = Lua.index(limits, LuaValue.valueOf(2));
        if (Lua.lessThan(value, low) || Lua.lessThan(high, value)) {
            return String.format(Messages.BETWEEN, Lua.formatD(low), Lua.formatD(high));
        }
        return null;
    }

    private static String length(String name, LuaValue value, LuaValue n, boolean map) {
        int length = Lua.length(value);
        if (map) {
            for (org.luaj.vm2.Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
                length++;
            }
        }
        LuaValue len = LuaValue.valueOf(length);
        boolean ok = switch (name) {
            case "len_eq" -> Lua.equal(len, n);
            case "len_min" -> !Lua.lessThan(len, n);
            default -> !Lua.lessThan(n, len);
        };
        String message = switch (name) {
            case "len_eq" -> Messages.LEN_EQ;
            case "len_min" -> Messages.LEN_MIN;
            default -> Messages.LEN_MAX;
        };
        return ok ? null : String.format(message, Lua.formatD(n));
    }

    private static String startsWith(LuaValue value, LuaValue expected) {
        if (value.type() != LuaValue.TSTRING && value.type() != LuaValue.TNUMBER) {
            throw new KongRaise("bad argument #1 to 'sub' (string expected, got " + value.typename() + ")");
        }
        int n = Lua.length(expected);
        String s = Lua.str(value);
        byte[] bytes = value.type() == LuaValue.TSTRING ? bytes((LuaString) value) : s.getBytes();
        LuaString prefix = LuaString.valueOf(java.util.Arrays.copyOf(bytes, Math.min(n, bytes.length)));
        return Lua.equal(prefix, expected) ? null : String.format(Messages.STARTS_WITH, Lua.str(expected));
    }

    private static byte[] bytes(LuaString s) {
        byte[] b = new byte[s.m_length];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, s.m_length);
        return b;
    }

    /** {@code value:match(pattern)}: a string method, so a number or table value raises. */
    private boolean matches(LuaValue value, LuaValue pattern) {
        if (value.type() != LuaValue.TSTRING) {
            throw new KongRaise("attempt to index a " + value.typename() + " value");
        }
        if (pattern.type() == LuaValue.TNUMBER) {
            pattern = LuaValue.valueOf(Lua.str(pattern));
        }
        if (pattern.type() != LuaValue.TSTRING) {
            throw new KongRaise("bad argument #1 to 'match' (string expected, got " + pattern.typename() + ")");
        }
        try {
            return hooks.matches((LuaString) value, (LuaString) pattern);
        } catch (org.luaj.vm2.LuaError e) {
            throw new KongRaise(e.getMessage());
        }
    }

    private String matchNone(LuaValue value, LuaValue list) {
        int n = Lua.length(list);
        for (int i = 1; i <= n; i++) {
            LuaValue item = Lua.index(list, LuaValue.valueOf(i));
            if (matches(value, Lua.index(item, LuaValue.valueOf("pattern")))) {
                return orInvalid(Lua.index(item, LuaValue.valueOf("err")), value);
            }
        }
        return null;
    }

    private String matchAll(LuaValue value, LuaValue list) {
        int n = Lua.length(list);
        for (int i = 1; i <= n; i++) {
            LuaValue item = Lua.index(list, LuaValue.valueOf(i));
            if (!matches(value, Lua.index(item, LuaValue.valueOf("pattern")))) {
                return orInvalid(Lua.index(item, LuaValue.valueOf("err")), value);
            }
        }
        return null;
    }

    private String matchAny(LuaValue value, LuaValue arg) {
        LuaValue patterns = Lua.index(arg, LuaValue.valueOf("patterns"));
        int n = Lua.length(patterns);
        for (int i = 1; i <= n; i++) {
            if (matches(value, Lua.index(patterns, LuaValue.valueOf(i)))) {
                return null;
            }
        }
        return orInvalid(Lua.index(arg, LuaValue.valueOf("err")), value);
    }

    /** A validator's own message, else (when it gave none) "invalid value: %s". */
    private static String orInvalid(LuaValue err, LuaValue value) {
        return err.isnil() || err.toboolean() == false ? invalid(value) : Lua.str(err);
    }

    private String contains(LuaValue array, LuaValue wanted) {
        int n = Lua.length(array);
        hooks.chargeEach(n);
        for (int i = 1; i <= n; i++) {
            if (Lua.equal(Lua.index(array, LuaValue.valueOf(i)), wanted)) {
                return null;
            }
        }
        return String.format(Messages.CONTAINS, Lua.str(wanted));
    }

    private static String custom(LuaValue value, LuaValue fn) {
        if (fn instanceof KongFunction kong) {
            return kong.problem(value);
        }
        if (fn instanceof TypedefValidator typedef) {
            if (!typedef.exact()) {
                throw new Undecidable("a custom validator of Kong's typedefs that is not ported");
            }
            return TypedefValidator.problem(fn, value);
        }
        if (fn.isfunction()) {
            throw new Undecidable("a custom_validator written in the plugin");
        }
        throw new KongRaise("attempt to call a " + fn.typename() + " value");
    }

    private String subsets(LuaValue value, LuaValue subsets) {
        Map<LuaValue, LuaValue> union = new java.util.HashMap<>();
        int n = Lua.length(subsets);
        for (int i = 1; i <= n; i++) {
            LuaValue subset = Lua.index(subsets, LuaValue.valueOf(i));
            int m = Lua.length(subset);
            hooks.chargeEach(m);
            for (int j = 1; j <= m; j++) {
                union.put(Lua.index(subset, LuaValue.valueOf(j)), subset);
            }
        }
        Map<LuaValue, Boolean> memberOf = new IdentityHashMap<>();
        LuaTable order = new LuaTable();
        int count = Lua.length(value);
        hooks.chargeEach(count);
        for (int i = 1; i <= count; i++) {
            LuaValue subset = union.get(Lua.index(value, LuaValue.valueOf(i)));
            if (subset != null && memberOf.put(subset, true) == null) {
                order.rawset(order.rawlen() + 1, subset);
            }
        }
        return order.rawlen() <= 1 ? null : String.format(Messages.MUTUALLY_EXCLUSIVE_SETS, Lua.quotedList(order));
    }

    /** ngx.re's PCRE, approximated by Java's regex syntax (which refuses a few patterns PCRE accepts). */
    private static boolean isRegex(LuaValue value) {
        if (value.type() != LuaValue.TSTRING) {
            return false;
        }
        try {
            Pattern.compile(value.tojstring());
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    static List<String> names() {
        return new ArrayList<>(ORDER);
    }
}
