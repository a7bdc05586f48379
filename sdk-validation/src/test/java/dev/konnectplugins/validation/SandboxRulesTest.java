package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.handler;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxRulesTest {
    private static String handlerWith(String body) {
        return "local H = { PRIORITY = 10, VERSION = \"1.0.0\" }\n"
                + "function H:log(conf)\n"
                + body + "\n"
                + "end\n"
                + "return H\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  ngx.timer.at(0, function() end)",
        "  ngx.timer.every(5, function() end)",
        "  local ok = ngx[\"timer\"][\"at\"](0, print)",
        "  kong.timer:named_at(\"x\", 0, print)",
        "  kong.timer:every(1, print)",
    })
    void timerCallsAreErrors(String body) {
        assertError(handler(handlerWith(body)), Rules.SANDBOX_TIMER, "handler.lua", 3);
    }

    @Test
    void timerThroughAliasesIsFoundAtTheUse() {
        List<Diagnostic> d = handler("""
                local ngx = ngx
                local t = ngx.timer
                local at = ngx.timer.at
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:log(conf)
                  t.every(5, print)
                  at(0, print)
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 3);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 6);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 7);
    }

    @Test
    void wrapperAroundATimerIsATimer() {
        List<Diagnostic> d = handler("""
                local function later(fn)
                  return ngx.timer.at(0, fn)
                end
                local function schedule(fn)
                  later(fn)
                end
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:log(conf)
                  schedule(print)
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 2);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 5);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resty.timer", "resty.timerng", "kong.tools.queue", "resty.counter"})
    void timerLibrariesAreTimers(String module) {
        List<Diagnostic> d = handler("local lib = require \"" + module + "\"\n" + Plugins.GOOD_HANDLER);
        assertError(d, Rules.SANDBOX_TIMER, "handler.lua", 1);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 1);
    }

    @Test
    void timerLookAlikesPass() {
        assertNoErrors(handler(handlerWith("""
                  local threads = ngx.thread.spawn(print)
                  local timer = { at = function() end }
                  timer.at(0, print)
                  local ngx = { timer = { at = print } }
                  ngx.timer.at(0, print)
                  local s = ("timer"):rep(2)
                """)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  setmetatable({}, {})",
        "  local v = os.getenv(\"HOME\")",
        "  local d = ngx.shared.cache",
        "  ngx.shared.cache:get(\"k\")",
        "  local f = io.open(\"/etc/passwd\")",
        "  local g = _G.rawget({}, \"k\")",
        "  local x = loadstring(\"return 1\")",
        "  kong.db.consumers:each()",
        "  kong.worker_events.post(\"a\", \"b\")",
        "  counter = 1",
        "  string.trim = function(s) return s end",
    })
    void missingOrProtectedGlobalsAreErrors(String body) {
        assertError(handler(handlerWith(body)), Rules.SANDBOX_GLOBAL, "handler.lua", 3);
    }

    @Test
    void globalFunctionDefinitionIsAnError() {
        assertError(handler("function helper() end\n" + Plugins.GOOD_HANDLER), Rules.SANDBOX_GLOBAL, "handler.lua", 1);
    }

    @Test
    void realPluginIdiomsPass() {
        assertNoErrors(handler("""
                local cjson = require "cjson.safe"
                local kong_meta = require "kong.meta"
                local http = require "resty.http"
                local kong = kong
                local ngx = ngx
                local fmt = string.format
                local H = { PRIORITY = 800, VERSION = kong_meta.core_version }
                function H:access(conf)
                  local body = kong.request.get_body()
                  local uri = ngx.var.request_uri
                  ngx.ctx.started = ngx.now()
                  kong.ctx.plugin.value = cjson.encode(body)
                  kong.ctx.shared.user = conf.user
                  ngx.status = 200
                  ngx.header["X-Test"] = "1"
                  kong.log("hello ", uri)
                  kong.log.err("bad: ", fmt("%s", uri))
                  kong.log.inspect(conf)
                  local consumer = kong.client.get_consumer()
                  local cached = kong.cache:get("k", nil, function() return 1 end)
                  local row = kong.db.consumers:select({ id = "x" })
                  local s = ("abc"):upper():sub(1, 2)
                  local t = setmetatable_free or {}
                  if kong.configuration.log_level == "debug" then
                    return kong.response.exit(500, { message = "x" })
                  end
                  local ok, mod = pcall(require, "kong.plugins.other.thing")
                  for _, v in ipairs({ 1, 2 }) do t[v] = math.floor(v) end
                end
                return H
                """));
    }

    @Test
    void shadowedNamesAreNotGlobals() {
        assertNoErrors(handler(handlerWith("""
                  local os = { getenv = function() return "x" end }
                  local v = os.getenv("HOME")
                  local setmetatable = function(t) return t end
                  setmetatable({})
                  local function f(io) return io.open("x") end
                """)));
    }

    @Test
    void requireOutsideTheAllowlistIsAnError() {
        List<Diagnostic> d = handler("""
                local BasePlugin = require "kong.plugins.base_plugin"
                local utils = require("kong.tools.utils")
                local own = require("kong.plugins." .. "my-plugin" .. ".access")
                """ + Plugins.GOOD_HANDLER);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 1);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 2);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 3);
    }

    @Test
    void allowlistedRequiresPass() {
        assertNoErrors(handler("""
                local cjson = require("cjson")
                local uuid = require "kong.tools.uuid"
                local sha256 = require "resty.sha256"
                local str = require "resty.string"
                local buffer = require "string.buffer"
                local new_tab = require "table.new"
                """ + Plugins.GOOD_HANDLER));
    }

    @Test
    void optionalRequireIsOnlyAWarning() {
        List<Diagnostic> d = handler("local ok, inspect = pcall(require, \"inspect\")\n" + Plugins.GOOD_HANDLER);
        assertNoErrors(d);
        assertThat(d).anyMatch(x -> x.rule().equals(Rules.SANDBOX_REQUIRE) && !x.isError());
    }

    @Test
    void schemaHasNoKongOrNgxAndNoHandlerModules() {
        List<Diagnostic> d = schema("""
                local typedefs = require "kong.db.schema.typedefs"
                local utils = require "kong.tools.utils"
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                        { url = { type = "string", custom_validator = function(v)
                            return ngx.re.find(v, "^https?://") ~= nil
                          end } },
                    } } },
                  },
                }
                """);
        assertError(d, Rules.SANDBOX_REQUIRE, "schema.lua", 2);
        assertError(d, Rules.SANDBOX_GLOBAL, "schema.lua", 8);
    }

    @Test
    void handlerCannotRequireTypedefs() {
        assertError(handler("local typedefs = require \"kong.db.schema.typedefs\"\n" + Plugins.GOOD_HANDLER),
                Rules.SANDBOX_REQUIRE, "handler.lua", 1);
    }
}
