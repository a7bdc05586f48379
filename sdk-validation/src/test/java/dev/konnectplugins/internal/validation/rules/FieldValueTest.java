package dev.konnectplugins.internal.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** Kong's validate_field for defaults ("type = self" in the metaschema), on hand-built field definitions. */
class FieldValueTest {
    private static LuaTable field(Object... pairs) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            t.set((String) pairs[i], v instanceof LuaValue lv ? lv : v instanceof Integer n ? LuaValue.valueOf(n)
                    : v instanceof Boolean b ? LuaValue.valueOf(b) : LuaValue.valueOf((String) v));
        }
        return t;
    }

    private static LuaTable list(LuaValue... values) {
        return LuaValue.listOf(values);
    }

    @Test
    void stringsAreImplicitlyNonEmpty() {
        assertThat(FieldValue.problem(field("type", "string"), LuaValue.valueOf(""))).isEqualTo("length must be at least 1");
        assertThat(FieldValue.problem(field("type", "string", "len_min", 0), LuaValue.valueOf(""))).isNull();
    }

    @Test
    void validatorsRunInKongsOrderAndErrReplacesTheMessage() {
        LuaTable oneOf = field("type", "string", "one_of", list(LuaValue.valueOf("x")), "len_max", 0);
        assertThat(FieldValue.problem(oneOf, LuaValue.valueOf("y"))).isEqualTo("expected one of: x");
        LuaTable withErr = field("type", "string", "match", "^a", "err", "must start with a");
        assertThat(FieldValue.problem(withErr, LuaValue.valueOf("b"))).isEqualTo("must start with a");
        assertThat(FieldValue.problem(withErr, LuaValue.valueOf("abc"))).isNull();
    }

    @Test
    void typesAndNestedValues() {
        assertThat(FieldValue.problem(field("type", "integer"), LuaValue.valueOf(1.5))).isEqualTo("expected an integer");
        LuaTable array = field("type", "array", "elements", field("type", "integer", "between", list(LuaValue.valueOf(1),
                LuaValue.valueOf(3))));
        assertThat(FieldValue.problem(array, list(LuaValue.valueOf(2)))).isNull();
        assertThat(FieldValue.problem(array, list(LuaValue.valueOf(5)))).isEqualTo("value should be between 1 and 3");
        LuaTable record = field("type", "record", "fields", list(field("a", field("type", "string", "required", true))));
        assertThat(FieldValue.problem(record, new LuaTable())).isEqualTo("a: required field missing");
        LuaTable unknown = new LuaTable();
        unknown.set("b", LuaValue.valueOf("x"));
        unknown.set("a", LuaValue.valueOf("y"));
        assertThat(FieldValue.problem(record, unknown)).isEqualTo("b: unknown field");
    }

    @Test
    void aValidatorThatFailsOnTheValueRefusesIt() {
        // Kong validates defaults under pcall: comparing a string with numbers raises, and the default is refused.
        LuaTable between = field("type", "string", "between", list(LuaValue.valueOf(1), LuaValue.valueOf(2)));
        assertThat(FieldValue.problem(between, LuaValue.valueOf("a"))).isEqualTo(FieldValue.CANNOT_VALIDATE);
    }
}
