package dev.konnectplugins.internal.validation.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialect lexer against what Kong's LuaJIT (as the Kong oracle runs it) compiles and refuses. */
class LuaDialectTest {

    private static SyntaxProblem problem(String code) {
        return LuaDialect.prepare(code).problem();
    }

    private static String nested(int n, String open, String inner, String close) {
        return open.repeat(n) + inner + close.repeat(n);
    }

    @ParameterizedTest
    @CsvSource({
        "'local x = ', '(', '1', ')', 197",
        "'local x = ', '{', '1', '}', 197",
        "'', 'do ', '', 'end ', 198",
        "'', 'if true then ', '', 'end ', 198",
        "'', 'do ', 'local z = 1 ', 'end ', 197",
        "'', 'if true then ', 'local z = 1 ', 'end ', 197",
        "'', 'while true do ', 'break ', 'end ', 198",
        "'local x = ', '- ', '1', '', 197",
        "'local x = ', 'not ', '1', '', 197",
    })
    void nestingLimitsAreLuaJits(String prefix, String open, String inner, String close, int limit) {
        assertThat(problem(prefix + nested(limit, open, inner, close))).as("%d levels", limit).isNull();
        assertThat(problem(prefix + nested(limit + 1, open, inner, close))).as("%d levels", limit + 1).isNotNull();
    }

    @Test
    void formFeedAndVerticalTabAreWhitespace() {
        PreparedSource prepared = LuaDialect.prepare("local a = 1\f\u000Blocal b = 2");
        assertThat(prepared.problem()).isNull();
        assertThat(prepared.code()).isEqualTo("local a = 1  local b = 2");
    }

    @Test
    void doubleBracketInsideALongStringIsText() {
        PreparedSource prepared = LuaDialect.prepare("local s = [[ a [[ b ]]");
        assertThat(prepared.problem()).isNull();
        assertThat(prepared.code()).hasSize("local s = [[ a [[ b ]]".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u{D800}\"", "\"\\u{DFFF}\"", "\"\\u{110000}\"", "\"\\u{}\"", "\"\\u41\"", "\"\\u{41",
        "\"\\u", "18446744073709551616ULL", "0x10000000000000000ULL",
        "18446744073709551616LL"})
    void refusedLiterals(String literal) {
        assertThat(problem("local x = " + literal)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u{D7FF}\"", "\"\\u{E000}\"", "\"\\u{10FFFF}\"", "\"\\u{0000041}x\"",
        "18446744073709551615ULL", "9223372036854775808LL", "0xFFFFFFFFFFFFFFFFULL", "0b101", "3i"})
    void acceptedLiterals(String literal) {
        assertThat(problem("local x = " + literal)).isNull();
    }

    @Test
    void cdataLiteralsAreRecordedWhereTheirDigitsEnd() {
        PreparedSource prepared = LuaDialect.prepare("local p = 1000LL\nlocal q = 7");
        assertThat(prepared.code()).isEqualTo("local p = 1000  \nlocal q = 7");
        assertThat(prepared.isCdataLiteral(new SourcePosition(1, 14))).isTrue();
        assertThat(prepared.isCdataLiteral(new SourcePosition(2, 11))).isFalse();
    }
}
