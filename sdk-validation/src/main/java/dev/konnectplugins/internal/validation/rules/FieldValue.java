package dev.konnectplugins.internal.validation.rules;

import dev.konnectplugins.internal.validation.PluginText;
import dev.konnectplugins.internal.validation.eval.NgxNull;
import dev.konnectplugins.internal.validation.eval.SandboxEvaluator;
import dev.konnectplugins.internal.validation.eval.TypedefValidator;
import dev.konnectplugins.internal.validation.eval.Watchdog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Kong's {@code Schema:validate_field} (kong/db/schema/init.lua at Kong/kong f6b4167a) for the values a schema
 * states itself: the metaschema declares {@code default = { type = "self" }}, so every default is validated as a
 * value of the field it belongs to, with the field's type (a string is implicitly {@code len_min = 1}) and its
 * validators in Kong's order. What needs the data plane (a regex engine for {@code is_regex}, a plugin function for
 * {@code custom_validator}, foreign keys, JSON schemas) is not checked; the custom validators of Kong's typedefs
 * that are plain string checks are ({@link TypedefValidator}).
 */
final class FieldValue {
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
    /** Kong's message when a validator raises on the value (it validates defaults under pcall). */
    static final String CANNOT_VALIDATE = "error in schema prevents from validating this field";

    /** Kong's error for {@code value} as a value of {@code field}, or null when Kong accepts it (or cannot tell). */
    static String problem(LuaTable field, LuaValue value) {
        try {
            return validate(field, value);
        } catch (LuaError | ClassCastException e) {
            // Kong validates defaults under pcall: a validator that fails on the value refuses it.
            return CANNOT_VALIDATE;
        }
    }

    private static String validate(LuaTable field, LuaValue value) {
        Watchdog.charge(1);
        if (SandboxEvaluator.isStub(value) || isNull(value)) {
            return null;
        }
        if (field.rawget("abstract").toboolean()) {
            return "error in schema definition: abstract field was not specialized";
        }
        String type = field.rawget("type").optjstring("");
        String typeProblem = switch (type) {
            case "array", "set" -> !isSequence(value) ? "expected " + (type.equals("set") ? "a set" : "an array")
                    : elements(field.rawget("elements"), (LuaTable) value);
            case "map" -> !value.istable() ? "expected a map" : map(field, (LuaTable) value);
            case "record" -> !value.istable() ? "expected a record" : record(field.rawget("fields"), (LuaTable) value);
            case "integer" -> value.type() == LuaValue.TNUMBER && isInteger(value.todouble()) ? null
                    : "expected an integer";
            case "number" -> value.type() == LuaValue.TNUMBER ? null : "expected a number";
            case "string" -> value.type() == LuaValue.TSTRING ? null : "expected a string";
            case "boolean" -> value.isboolean() ? null : "expected a boolean";
            case "function" -> value.isfunction() ? null : "expected a function";
            default -> null;
        };
        if (typeProblem != null || !List.of("array", "set", "map", "record", "integer", "number", "string",
                "boolean", "foreign").contains(type)) {
            return typeProblem;
        }
        return validators(field, type, value);
    }

    /** Validators that index, measure or match their value: on a value they cannot handle, Kong's call raises. */
    private static final List<String> STRING_OR_TABLE_VALIDATORS = List.of("len_eq", "len_min", "len_max",
            "contains", "mutually_exclusive_subsets");
    private static final List<String> STRING_VALIDATORS = List.of("match", "not_match", "match_all", "match_none",
            "match_any", "starts_with", "uuid");

    private static String validators(LuaTable field, String type, LuaValue value) {
        for (String validator : STRING_OR_TABLE_VALIDATORS) {
            if (!field.rawget(validator).isnil() && value.type() != LuaValue.TSTRING && !value.istable()) {
                return CANNOT_VALIDATE;
            }
        }
        for (String validator : STRING_VALIDATORS) {
            if (!field.rawget(validator).isnil() && field.rawget(validator).toboolean()
                    && value.type() != LuaValue.TSTRING) {
                return CANNOT_VALIDATE;
            }
        }
        String err = field.rawget("err").isstring() ? field.rawget("err").tojstring() : null;
        LuaValue option;
        if (!(option = field.rawget("eq")).isnil() && !value.raweq(option)) {
            return or(err, "value must be " + (isNull(option) ? "null" : option.tojstring()));
        }
        if (!(option = field.rawget("ne")).isnil() && value.raweq(option)) {
            return or(err, "value must not be " + option.tojstring());
        }
        if ((option = field.rawget("not_one_of")).istable() && contains((LuaTable) option, value)) {
            return or(err, "must not be one of: " + join((LuaTable) option));
        }
        if ((option = field.rawget("one_of")).istable() && !contains((LuaTable) option, value)) {
            return or(err, "expected one of: " + join((LuaTable) option));
        }
        if (!(option = field.rawget("gt")).isnil() && !value.gt_b(option)) {
            return or(err, "value must be greater than " + option.tojstring());
        }
        if (field.rawget("timestamp").toboolean() && !value.gt_b(LuaValue.ZERO)) {
            return or(err, "expected a valid timestamp");
        }
        if (field.rawget("uuid").toboolean() && !UUID.matcher(value.tojstring()).matches()) {
            return or(err, "expected a valid UUID");
        }
        if ((option = field.rawget("between")).istable()
                && (value.lt_b(option.get(1)) || value.gt_b(option.get(2)))) {
            return or(err, "value should be between " + option.get(1).tojstring() + " and " + option.get(2).tojstring());
        }
        String length = lengths(field, type, value);
        if (length != null) {
            return or(err, length);
        }
        String other = value.type() == LuaValue.TSTRING ? patterns(field, value, err) : contains(field, value, err);
        return other != null ? other : TypedefValidator.problem(field.rawget("custom_validator"), value);
    }

    private static String lengths(LuaTable field, String type, LuaValue value) {
        LuaValue lenMin = field.rawget("len_min");
        if (type.equals("string") && lenMin.isnil()) {
            lenMin = LuaValue.ONE; // "empty strings are not accepted by default"
        }
        if (value.type() != LuaValue.TSTRING && !value.istable()) {
            return null;
        }
        int length = value.type() == LuaValue.TSTRING ? value.rawlen() : value.length();
        if (type.equals("map")) {
            length = 0;
            for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
                length++;
            }
        }
        LuaValue lenEq = field.rawget("len_eq");
        LuaValue lenMax = field.rawget("len_max");
        if (!lenEq.isnil() && length != lenEq.todouble()) {
            return "length must be " + lenEq.tojstring();
        }
        if (!lenMin.isnil() && length < lenMin.todouble()) {
            return "length must be at least " + lenMin.tojstring();
        }
        if (!lenMax.isnil() && length > lenMax.todouble()) {
            return "length must be at most " + lenMax.tojstring();
        }
        return null;
    }

    private static String patterns(LuaTable field, LuaValue value, String err) {
        LuaValue option;
        if ((option = field.rawget("starts_with")).isstring()
                && !value.tojstring().startsWith(option.tojstring())) {
            return or(err, "should start with: " + option.tojstring());
        }
        if ((option = field.rawget("not_match")).isstring() && matches(value, option)) {
            return or(err, "invalid value: " + PluginText.quote(value.tojstring()));
        }
        if ((option = field.rawget("match_none")).istable()) {
            for (int i = 1; i <= option.length(); i++) {
                if (matches(value, option.get(i).get("pattern"))) {
                    return or(err, option.get(i).get("err").optjstring("invalid value: " + PluginText.quote(value.tojstring())));
                }
            }
        }
        if ((option = field.rawget("match")).isstring() && !matches(value, option)) {
            return or(err, "invalid value: " + PluginText.quote(value.tojstring()));
        }
        if ((option = field.rawget("match_all")).istable()) {
            for (int i = 1; i <= option.length(); i++) {
                if (!matches(value, option.get(i).get("pattern"))) {
                    return or(err, option.get(i).get("err").optjstring("invalid value: " + PluginText.quote(value.tojstring())));
                }
            }
        }
        if ((option = field.rawget("match_any")).istable() && option.get("patterns").istable()) {
            LuaValue list = option.get("patterns");
            for (int i = 1; i <= list.length(); i++) {
                if (matches(value, list.get(i))) {
                    return null;
                }
            }
            return or(err, option.get("err").optjstring("invalid value: " + PluginText.quote(value.tojstring())));
        }
        return null;
    }

    private static String contains(LuaTable field, LuaValue value, String err) {
        LuaValue wanted = field.rawget("contains");
        if (!wanted.isnil() && value.istable() && !contains((LuaTable) value, wanted)) {
            return or(err, "expected to contain: " + wanted.tojstring());
        }
        return null;
    }

    private static String elements(LuaValue elements, LuaTable value) {
        if (!elements.istable()) {
            return CANNOT_VALIDATE; // Kong sets field.elements.required = true first
        }
        for (int i = 1; i <= value.length(); i++) {
            String problem = validate((LuaTable) elements, value.rawget(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String map(LuaTable field, LuaTable value) {
        LuaValue keys = field.rawget("keys");
        LuaValue values = field.rawget("values");
        if (!keys.istable() || !values.istable()) {
            return CANNOT_VALIDATE; // Kong sets field.keys.required and field.values.required first
        }
        for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
            String problem = validate((LuaTable) keys, e.arg1());
            if (problem == null) {
                problem = validate((LuaTable) values, e.arg(2));
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** A record value: known fields only, each valid; required fields present (or defaulted). */
    private static String record(LuaValue fields, LuaTable value) {
        if (!fields.istable()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= fields.length(); i++) {
            LuaValue entry = fields.get(i);
            Varargs first = entry.istable() ? entry.next(LuaValue.NIL) : LuaValue.NONE;
            if (!first.arg1().isstring() || !first.arg(2).istable() || SandboxEvaluator.isStub(first.arg(2))) {
                return null; // a field list the metaschema reports itself
            }
            String name = first.arg1().tojstring();
            names.add(name);
            LuaTable definition = (LuaTable) first.arg(2);
            LuaValue member = value.rawget(name);
            if (member.isnil()) {
                if (definition.rawget("required").toboolean() && definition.rawget("default").isnil()) {
                    return name + ": required field missing";
                }
                continue;
            }
            String problem = validate(definition, member);
            if (problem != null) {
                return name + ": " + problem;
            }
        }
        for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
            Watchdog.charge(names.size());
            if (!names.contains(e.arg1().tojstring())) {
                return e.arg1().tojstring() + ": unknown field";
            }
        }
        return null;
    }

    static boolean isSequence(LuaValue value) {
        if (!value.istable()) {
            return false;
        }
        int count = 0;
        for (Varargs e = value.next(LuaValue.NIL); !e.arg1().isnil(); e = value.next(e.arg1())) {
            if (!e.arg1().isinttype() || e.arg1().toint() < 1) {
                return false;
            }
            count++;
        }
        return count == value.length();
    }

    /** Kong's {@code string.match}, LuaJIT's matcher, charged step by step: a default can make it backtrack. */
    private static boolean matches(LuaValue value, LuaValue pattern) {
        return pattern.isstring() && Watchdog.matches(value, pattern);
    }

    private static boolean contains(LuaTable list, LuaValue wanted) {
        Watchdog.charge(list.length());
        for (int i = 1; i <= list.length(); i++) {
            if (list.rawget(i).raweq(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The list as Kong's message writes it, cut after {@link PluginText#QUOTE_LIMIT} characters: it may be huge. */
    private static String join(LuaTable list) {
        StringBuilder text = new StringBuilder();
        int n = list.length();
        for (int i = 1; i <= n && text.length() <= PluginText.QUOTE_LIMIT; i++) {
            Watchdog.charge(1);
            text.append(i > 1 ? ", " : "").append(PluginText.quote(list.rawget(i).tojstring()));
        }
        return PluginText.quote(text.toString()) + (text.length() > PluginText.QUOTE_LIMIT ? " (" + n + " values)"
                : "");
    }

    static boolean isInteger(double d) {
        return !Double.isInfinite(d) && !Double.isNaN(d) && Math.floor(d) == d;
    }

    static boolean isNull(LuaValue value) {
        return NgxNull.is(value);
    }

    private static String or(String err, String message) {
        return err != null ? err : message;
    }

    private FieldValue() {
    }
}
