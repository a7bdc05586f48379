package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.errors;
import static dev.konnectplugins.validation.Plugins.handler;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions from comparing the validator with Kong's own code (the Kong oracle: Kong's sandbox and upload checks
 * run in OpenResty's LuaJIT). Each case states Kong's verdict as the oracle showed it.
 */
class KongAgreementTest {

    private static String handlerRequiring(String module) {
        return "local m = require \"" + module + "\"\n" + Plugins.GOOD_HANDLER;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngx.re", "argon2", "bcrypt", "resty.http_connect", "resty.http_headers",
        "resty.jwt-validators", "resty.hmac", "resty.xmodem", "resty.aws.config", "resty.azure.credentials.Credentials",
        "resty.gcp.request.discovery", "resty.openssl.rsa", "resty.openssl.x509.chain"})
    void modulesOfTodaysSandboxCanBeRequired(String module) {
        // Kong/kong 2af61c1f5e widened the handler's require list; Kong accepts these.
        assertNoErrors(handler(handlerRequiring(module)));
    }

    @Test
    void refusedRequireNamesTheSourceOfTheList() {
        List<Diagnostic> d = handler(handlerRequiring("resty.timerng.wheel"));
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 1);
        assertThat(errors(d)).anySatisfy(e -> assertThat(e.message()).contains("Kong/kong 22246ef"));
    }

    @Test
    void kongMetaVersionHasFourPartsOnKonnect() {
        // Kong Enterprise's kong.meta.version is "3.10.0.0": "VERSION field does not follow the x.y.z format".
        List<Diagnostic> d = handler("""
                local kong_meta = require "kong.meta"
                local H = { PRIORITY = 1000, VERSION = kong_meta.version }
                function H:access(conf) end
                return H
                """);
        assertError(d, Rules.HANDLER_VERSION, "handler.lua", 2);
        assertThat(errors(d)).anySatisfy(e -> assertThat(e.message()).contains("core_version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"..1.0\"", "\"1.2.\"", "\"release 2.0\"", "\"007.1\""})
    void versionsKongsParseKeeps(String version) {
        assertNoErrors(handler("local H = { PRIORITY = 1 }\nH.VERSION = " + version + "\nreturn H\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\".\"", "\"..\"", "\"v.\"", "\"1.2..3\""})
    void versionsKongsParseRefuses(String version) {
        assertError(handler("local H = { PRIORITY = 1 }\nH.VERSION = " + version + "\nreturn H\n"),
                Rules.HANDLER_VERSION, "handler.lua", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"capability", "propagation", "rbac_user_token", "protocols_http_and_ws", "protocols_ws",
        "plugin_ordering", "no_consumer_group", "run_on_first"})
    void typedefsOfKongEnterpriseExist(String typedef) {
        assertNoErrors(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = { { x = typedefs.%s } } } },
                  },
                }
                """.formatted(typedef)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ip_or_cidr_v4", "key_id", "regex_or_plain_pattern"})
    void typedefsKongDoesNotDefineFailTheLoad(String typedef) {
        assertError(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = { { x = typedefs.%s } } } },
                  },
                }
                """.formatted(typedef)), Rules.SCHEMA_SHAPE, "schema.lua", 5);
    }

    private static String handlerWithTop(String top, String body) {
        return "local H = { PRIORITY = 1000, VERSION = \"1.0.0\" }\n" + top + "\nfunction H:access(conf)\n" + body
                + "\nend\nreturn H\n";
    }

    @Test
    void errorAtTheTopOfHandlerIsRefused() {
        // Kong's own plugin-streaming API test posts exactly this and expects 400 ("handler load failure").
        assertError(handler(handlerWithTop("error(\"boom\")", "")), Rules.HANDLER_SHAPE, "handler.lua", 2);
        assertError(handler(handlerWithTop("assert(false, \"no\")", "")), Rules.HANDLER_SHAPE, "handler.lua", 2);
        assertNoErrors(handler(handlerWithTop("pcall(error, \"boom\")", "")));
    }

    @Test
    void secondReturnValueIsALoadFailure() {
        assertError(handler(Plugins.GOOD_HANDLER.replace("return MyHandler", "return MyHandler, \"x\"")),
                Rules.HANDLER_SHAPE, "handler.lua", 10);
        assertNoErrors(handler(Plugins.GOOD_HANDLER.replace("return MyHandler", "return MyHandler, nil")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000LL", "1000ULL", "\"1\""})
    void priorityMustBeALuaNumber(String priority) {
        // 1000LL is an int64_t cdata in LuaJIT; "1" stays a string (luaj would coerce it into the number slot).
        assertError(handler(handlerWithTop("H.PRIORITY = " + priority, "")), Rules.HANDLER_PRIORITY, "handler.lua", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "local band = (bit32 or bit).band",
        "if ngx.timer then ngx.timer.at(0, function() end) end",
        "local n = utf8 and utf8.char(65)",
        "local ok, t = pcall(require, \"resty.timer\")",
        "print = function() end",
        "string.format = function() return \"\" end",
        "kong.log.debug = function() end",
        "local x = _G.foo",
        "if not ngx.shared then kong.log.debug(\"no shm\") end",
        "local _ = type(jit.off)",
        "local _ = (loadstring)",
    })
    void kongAcceptsTheseTopLevels(String top) {
        assertNoErrors(handler(handlerWithTop(top, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local _ = string.format.x", "local _ = unpack.x"})
    void indexingAPlainValueAtTheTopIsRefused(String top) {
        // "attempt to index field 'format' (a function value)": a handler load failure in Kong.
        assertError(handler(handlerWithTop(top, "")), Rules.HANDLER_SHAPE, "handler.lua", 2);
    }

    @Test
    void aHandlerBuiltByAnAllowlistedLibraryIsStillChecked() {
        List<Diagnostic> d = handler("""
                local tablex = require "pl.tablex"
                local H = { PRIORITY = "x", VERSION = "1.0.0.0" }
                function H:init_worker() end
                return tablex.deepcopy(H)
                """);
        assertError(d, Rules.HANDLER_PRIORITY, "handler.lua", 2);
        assertError(d, Rules.HANDLER_VERSION, "handler.lua", 2);
        assertError(d, Rules.HANDLER_INIT_WORKER, "handler.lua", 3);
        assertNoErrors(handler(Plugins.GOOD_HANDLER.replace("return MyHandler",
                "return require(\"pl.tablex\").deepcopy(MyHandler)")));
    }

    @Test
    void aKeyGivenTwiceInATableIsAWarning() {
        // LuaJIT keeps the computed {} over the constant 600 (Kong: "expected an integer"); luaj keeps 600.
        List<Diagnostic> d = schema(Plugins.GOOD_SCHEMA.replace("default = \"hello\"", "default = {}, default = \"hello\""));
        assertThat(d).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo(Rules.LUA_SYNTAX);
            assertThat(w.isError()).isFalse();
            assertThat(w.message()).contains("'default' is given twice");
        });
    }

    @Test
    void overwritingASandboxMemberOnlyWarns() {
        List<Diagnostic> d = handler(handlerWithTop("print = function() end", ""));
        assertThat(d).anySatisfy(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.rule()).isEqualTo(Rules.SANDBOX_GLOBAL);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kong.configuration.foo = 1 | | 2",
        "| kong.configuration.foo = 1 | 4",
        "string.trim = function() end | | 2",
        "helper = function() end | | 2",
        "local function f() return ngx.shared end | f().cache:get(\"k\") | 2",
        "local t = { ngx.shared } | t[1].cache:get(\"k\") | 2",
        "local function f(...) local x = ... ; return x end | f(ngx.shared).cache:get(\"k\") | 4",
    })
    void kongRefusesTheseOrTheyFailAtRunTime(String top, String body, int line) {
        assertError(handler(handlerWithTop(top == null ? "" : top, body == null ? "" : body)), Rules.SANDBOX_GLOBAL,
                "handler.lua", line);
    }

    @Test
    void missingGlobalReadInsidePcallInSchemaIsCaught() {
        // An idiom of Kong's own plugins: the schema sandbox has no kong, and pcall catches the error.
        String schema = Plugins.GOOD_SCHEMA.replace("return {", """
                local ok, db = pcall(function() return kong.configuration.database end)
                return {""");
        assertNoErrors(schema(schema));
    }

    @Test
    void whatCanStillBeCheckedIsReportedWhenARequireFailsEarly() {
        // Kong stops at the refused require; fixing it would reveal the missing name and the legacy map of fields.
        List<Diagnostic> d = schema("""
                local utils = require "kong.tools.utils"
                return {
                  no_consumer = true,
                  fields = {
                    config = { type = "record", fields = {} },
                  },
                }
                """);
        assertError(d, Rules.SANDBOX_REQUIRE, "schema.lua", 1);
        assertThat(errors(d)).filteredOn(e -> e.rule().equals(Rules.SCHEMA_SHAPE))
                .anySatisfy(e -> assertThat(e.message()).contains("no name"))
                .anySatisfy(e -> assertThat(e.message()).contains("is a map"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application-registration", "statsd-advanced"})
    void enterpriseBundledNamesAreReserved(String name) {
        String schema = Plugins.GOOD_SCHEMA.replace("\"my-plugin\"", "\"" + name + "\"");
        assertThat(Plugins.validate(name, Plugins.GOOD_HANDLER, schema))
                .anyMatch(d -> d.isError() && d.rule().equals(Rules.NAME_RESERVED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngx.null.version = \"evil\"", "local v = ngx.null.version", "local n = #ngx.null"})
    void ngxNullIsAUserdata(String top) {
        // cjson's NULL: "attempt to index field 'null' (a userdata value)", a handler load failure.
        assertError(handler(top + "\n" + Plugins.GOOD_HANDLER), Rules.HANDLER_SHAPE, "handler.lua", 1);
    }

    @Test
    void ngxNullComparesAndPrintsAsInKong() {
        assertNoErrors(handler("""
                assert(ngx.null ~= nil and type(ngx.null) == "userdata" and tostring(ngx.null) == "userdata: NULL")
                """ + Plugins.GOOD_HANDLER));
    }

    private static String schemaWithGreeting(String field) {
        return "return { name = \"my-plugin\", fields = { { config = { type = \"record\", fields = {\n"
                + "  { greeting = " + field + " },\n} } } } }\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ type = \"string\", default = {}, default = \"hello\" }",
        "{ type = \"string\", default = {}, default = \"hello\", len_min = 2 }",
        "{ type = \"string\", [\"default\"] = {}; default = \"hello\"; }",
        "{ type = \"string\", default = {}, --[[c]] default = [[a\nb]] }",
        "{ type = \"integer\", default = tostring(1), default = -5, default = 7 }",
        "{ type = \"integer\", default = {}, default = 2 + 3 }"})
    void aComputedValueWinsOverAConstantOfTheSameKey(String field) {
        // LuaJIT copies a template of the constant fields first, then stores the computed ones (lj_parse.c
        // expr_table): Kong sees the computed default, "expected a string" / "expected an integer".
        assertError(schema(schemaWithGreeting(field)), Rules.SCHEMA_SHAPE, "schema.lua", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ type = \"string\", default = 1, default = \"hello\" }",
        "{ type = \"string\", default = (\"x\"):rep(1), default = 5 }",
        "{ type = \"string\", default = {}, default = (\"hello\") .. \"\" }"})
    void otherwiseTheLastValueOfAKeyWins(String field) {
        assertNoErrors(schema(schemaWithGreeting(field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "local t = {} for i = 1, 10000 do t[i] = i end\nlocal x = { unpack(t) }",
        "local t = {} for i = 1, 8000 do t[i] = i end\nlocal n = select(\"#\", unpack(t))",
        "local s = (\"x\"):rep(9000)\nlocal x = { s:byte(1, -1) }",
        "local x = 1\nlocal s = string.format(\"%d\", \"x\")",
        "local x = 1\nlocal s = table.concat({ {} })",
        "local x = 1\nlocal n = math.max()", "local x = 1\nfor _ in ipairs(\"s\") do end",
        "local x = 1\nlocal n = math.floor(\"x\")", "local x = 1\nlocal s = tostring()",
        "local x = 1\nlocal n = select(\"x\", 1)", "local x = 1\nlocal k = next({}, \"absent\")",
        "local x = 1\nlocal co = coroutine.create(1)", "local x = 1\nlocal t = os.time({ year = 2020 })"})
    void libraryErrorsAtTheTopLevelRefuseTheHandler(String top) {
        // Kong's LuaJIT raises these too: "too many results to unpack", "string slice too long", "bad argument #2
        // to 'format'", "invalid value (table) at index 1 in table for 'concat'": a handler load failure.
        assertError(handler(top + "\n" + Plugins.GOOD_HANDLER), Rules.HANDLER_SHAPE, "handler.lua", 2);
    }

    @Test
    void aLibraryErrorAboutAStandInIsOnlyAWarning() {
        // kong.configuration is a stand-in here (database is "postgres" or "off" on a node): the error may not
        // happen in Kong, and does not.
        List<Diagnostic> d = handler("local s = string.rep(kong.configuration.database, 2)\n" + Plugins.GOOD_HANDLER);
        assertThat(d).anySatisfy(w -> assertThat(w.rule()).isEqualTo(Rules.HANDLER_SHAPE));
        assertNoErrors(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local t = {}\nlocal v = t.x.y", "local t = {}\nt.x()", "local t = { a = 1 }\nlocal v = t.a + nil",
        "local t = {}\nlocal v = t .. \"x\"", "local t = {}\nlocal v = t < {}", "local s = \"x\"\ns.y = 1",
        "local t = {}\nt[nil] = 1", "local t = {}\nt[0 / 0] = 1"})
    void typeErrorsAtTheTopLevelRefuseTheHandler(String top) {
        // "attempt to index field 'x' (a nil value)", "attempt to call field 'x'", "attempt to perform arithmetic on
        // a nil value", "attempt to concatenate a table value", "attempt to compare two table values": Kong's
        // upload runs the top level and fails ("handler load failure").
        assertError(handler(top + "\n" + Plugins.GOOD_HANDLER), Rules.HANDLER_SHAPE, "handler.lua", 2);
    }

    @Test
    void aTypeErrorAfterAStandInIsOnlyAWarning() {
        // kong.configuration is a stand-in here (its length reads 0); in Kong database is "postgres" or "off", so
        // y is 1 and the upload passes.
        List<Diagnostic> d = handler("""
                local n = #kong.configuration.database
                local y = n > 0 and 1 or nil
                local z = y + 1
                """ + Plugins.GOOD_HANDLER);
        assertThat(d).anySatisfy(w -> assertThat(w.rule()).isEqualTo(Rules.HANDLER_SHAPE));
        assertNoErrors(d);
    }

    private static String nestedCalls(String open, String close, int depth) {
        return "local f = function(x) return x end local o = { m = function(self, x) return x end }\n"
                + "local H = { PRIORITY = 1000, VERSION = \"1.0.0\" }\n"
                + "local x = " + open.repeat(depth) + "1" + close.repeat(depth) + "\nreturn H\n";
    }

    @ParameterizedTest
    @CsvSource({"'f(', ')', 122", "'f(1, ', ')', 81", "'o:m(', ')', 81", "'f{', '}', 82"})
    void nestedCallsWithinLuaJitsStackSlotsCompile(String open, String close, int depth) {
        // Measured with the Kong oracle: one more level is "function or expression too complex".
        assertNoErrors(handler(nestedCalls(open, close, depth)));
    }

    @ParameterizedTest
    @CsvSource({"'f(', ')', 123", "'f(1, ', ')', 82", "'o:m(', ')', 82", "'f{', '}', 83"})
    void nestedCallsPastLuaJitsStackSlotsAreRefused(String open, String close, int depth) {
        List<Diagnostic> d = handler(nestedCalls(open, close, depth));
        assertError(d, Rules.LUA_SYNTAX, "handler.lua", 3);
        assertThat(errors(d)).hasSize(1).first().satisfies(e -> assertThat(e.message()).contains("too complex"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"math.random(0)", "math.random(2, 1)", "math.random(1.5)", "os.date(\"%Q\")"})
    void callsLuaJitAcceptsPass(String call) {
        // LuaJIT's math.random checks neither integers nor empty intervals; its os.date passes %Q to strftime.
        assertNoErrors(handler("local v = " + call + "\n" + Plugins.GOOD_HANDLER));
    }

    @Test
    void osDateFormatsAsGlibcStrftime() {
        // The value LuaJIT gave in the Kong oracle for the same call (%Q is copied, as glibc does).
        String expected = "Tue Nov 14 22:13:20 2023|11/14/23|14|318|46|46|46|2023|23|+0000|GMT|1700000000|PM|10|22|"
                + "10|2|2|11/14/23|22:13:20|20|Nov|10:13:20 PM|22:13|22:13:20|2023-11-14|%Q|Tue|Tuesday|November";
        assertNoErrors(handler("assert(os.date(\"!%c|%D|%e|%j|%U|%W|%V|%G|%g|%z|%Z|%s|%p|%I|%k|%l|%u|%w|%x|%X|%C|%h|"
                + "%r|%R|%T|%F|%Q|%a|%A|%B\", 1700000000) == \"" + expected + "\")\n"
                + "assert(os.date(\"!*t\", 86400 * 3).wday == 1)\n" + Plugins.GOOD_HANDLER));
        assertNoErrors(schema("local d = os.date(\"%F %T\")\n" + Plugins.GOOD_SCHEMA));
    }
}
