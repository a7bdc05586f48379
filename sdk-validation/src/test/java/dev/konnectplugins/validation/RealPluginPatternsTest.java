package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.errors;
import static dev.konnectplugins.validation.Plugins.handler;
import static dev.konnectplugins.validation.Plugins.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by running the validator over real plugins from GitHub; every fixture here is hand-written
 * and only reproduces the pattern.
 */
class RealPluginPatternsTest {

    @Test
    void unusedAliasesOfMissingGlobalsAreHarmless() {
        // Localising globals at the top is common; only using a nil one fails.
        assertNoErrors(handler("""
                local setmetatable = setmetatable
                local getenv = os.getenv
                local shared = ngx.shared
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  kong.log.info("hello")
                end
                return H
                """));
    }

    @Test
    void aliasOfAMissingGlobalIsReportedWhereItIsUsedAndDeclared() {
        List<Diagnostic> d = handler("""
                local getenv = os.getenv
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  kong.service.request.set_header("X-Home", getenv("HOME"))
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 1);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 4);
        assertThat(errors(d)).filteredOn(e -> e.line() == 4).first()
                .satisfies(e -> assertThat(e.column()).isEqualTo(45));
    }

    @Test
    void indexingAGlobalTheSandboxDoesNotDefineFailsAtUpload() {
        // e.g. an old bundled plugin's realm built from _KONG._NAME at the top level.
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                local realm = 'Key realm="' .. _KONG._NAME .. '"'
                return H
                """);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 2);
        assertThat(errors(d)).first().satisfies(e -> assertThat(e.column()).isEqualTo(32));
    }

    @Test
    void callingAnUndefinedGlobalFails() {
        assertError(handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  local ok = verify_signature(conf.key)
                end
                return H
                """), Rules.SANDBOX_GLOBAL, "handler.lua", 3);
    }

    @Test
    void readingOrTestingAnUndefinedGlobalIsNotAnError() {
        assertNoErrors(handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  local prefix = conf.prefix or DEFAULT_PREFIX
                  if SOME_FLAG then kong.log.info(prefix) end
                end
                return H
                """));
    }

    @Test
    void aGlobalFunctionIsReportedOnceWhereItIsDefined() {
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function valid(secret)
                  return secret ~= nil
                end
                function H:access(conf)
                  if not valid(conf.secret) then return kong.response.exit(401) end
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 2);
        assertThat(errors(d)).hasSize(1);
    }

    @Test
    void misspelledPdkFunctionIsAnError() {
        // kong.log.error does not exist (it is kong.log.err); the call fails when the branch runs.
        assertError(handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  local ok, err = pcall(error, "x")
                  if not ok then
                    kong.log.error("failed: ", err)
                  end
                end
                return H
                """), Rules.SANDBOX_GLOBAL, "handler.lua", 5);
    }

    @Test
    void timerCountersAreMissingGlobalsNotTimers() {
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:log(conf)
                  kong.log.info(ngx.timer.running_count(), ngx.timer.pending_count())
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_GLOBAL, "handler.lua", 3);
        assertNoError(d, Rules.SANDBOX_TIMER);
    }

    @Test
    void gotoIntoTheScopeOfALocalIsReportedAtTheGoto() {
        assertError(handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0" }
                function H:access(conf)
                  goto done
                  local x = 1
                  ::done::
                  kong.log.info(x)
                end
                return H
                """), Rules.LUA_SYNTAX, "handler.lua", 3);
    }

    @Test
    void anInitWorkerThatIsNotAFunctionIsNotImplemented() {
        // Kong's Plugins.implements() checks type(handler.init_worker) == "function".
        assertNoErrors(handler("""
                local H = { PRIORITY = 10, VERSION = "1.0.0", init_worker = false }
                function H:access(conf) end
                return H
                """));
    }

    @Test
    void unknownFieldAttributeIsRefusedByTheMetaschema() {
        // The pre-1.0 `enum` attribute; Kong's metaschema answers "unknown field".
        assertError(schema("""
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                        { generator = { type = "string", default = "uuid", enum = { "uuid", "tracker" } } },
                    } } },
                  },
                }
                """), Rules.SCHEMA_SHAPE, "schema.lua", 5);
    }

    @Test
    void unknownTopLevelKeyIsRefusedByTheMetaschema() {
        assertError(schema("""
                return {
                  name = "my-plugin",
                  no_consumer = true,
                  fields = {
                    { config = { type = "record", fields = { { a = { type = "string" } } } } },
                  },
                }
                """), Rules.SCHEMA_SHAPE, "schema.lua", 3);
    }

    @Test
    void descriptionMustHaveTenToFiveHundredCharacters() {
        List<Diagnostic> d = schema("""
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                        { a = { type = "string", description = "API key" } },
                        { b = { type = "string", description = "The header that carries the key" } },
                    } } },
                  },
                }
                """);
        assertError(d, Rules.SCHEMA_SHAPE, "schema.lua", 5);
        assertThat(errors(d)).hasSize(1);
    }

    @Test
    void deprecationAttributeIsKnown() {
        // Kong Enterprise 3.10's metaschema declares deprecation (the Kong oracle accepts this schema).
        List<Diagnostic> d = schema("""
                return {
                  name = "my-plugin",
                  fields = {
                    { config = { type = "record", fields = {
                        { a = { type = "string", deprecation = { message = "use b", removal_in_version = "4.0" } } },
                        { b = { type = "string" } },
                    } } },
                  },
                }
                """);
        assertThat(d).isEmpty();
    }

    @Test
    void modernPluginPatternsAreFine() {
        // A request-scoped cache through kong.cache with a loader closure, ngx.ctx/ngx.arg, kong.ctx.plugin,
        // allowlisted modules and a schema with typedef calls, custom validators and entity checks.
        assertNoErrors(handler("""
                local cjson = require "cjson.safe"
                local http = require "resty.http"
                local kong = kong
                local ngx = ngx
                local H = { PRIORITY = 2100, VERSION = "1.0.0" }
                local function fetch(conf)
                  return kong.cache:get("k:" .. conf.url, { ttl = 60 }, function()
                    local client = http.new()
                    local res, err = client:request_uri(conf.url, { method = "GET" })
                    if not res then return nil, err end
                    return cjson.decode(res.body)
                  end)
                end
                function H:access(conf)
                  local data = fetch(conf)
                  kong.ctx.plugin.data = data
                  ngx.ctx.seen = true
                end
                function H:body_filter(conf)
                  local chunk, eof = ngx.arg[1], ngx.arg[2]
                  if eof then ngx.arg[1] = (kong.ctx.plugin.body or "") .. (chunk or "") end
                end
                return H
                """));
    }
}
