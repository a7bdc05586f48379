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
 * Regressions from a second pass over real plugins (different ones from {@link RealPluginPatternsTest}); every
 * fixture is hand-written and only reproduces the pattern.
 */
class RealPluginPatternsSecondPassTest {

    @Test
    void typedefRemovedInKong3FailsTheSchemaLoadAtItsLine() {
        // Plugins written for Kong 1.x/2.x declare { run_on = typedefs.run_on_first }. Kong Enterprise 3.10's typedefs
        // (Kong/kong f6b4167a, what Konnect runs) still define run_on_first, but the plugins entity has no run_on
        // field, so loading the schema fails ("run_on: cannot create a new field"; shown by the Kong oracle).
        List<Diagnostic> d = schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { consumer = typedefs.no_consumer },
                    { run_on = typedefs.run_on_first },
                    { config = { type = "record", fields = {} } },
                  },
                }
                """);
        assertError(d, Rules.SCHEMA_SHAPE, "schema.lua", 6);
        assertThat(errors(d)).hasSize(1).first().satisfies(e -> {
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.message()).contains("run_on");
        });
    }

    @Test
    void misspelledTypedefIsReportedWhereItIsWritten() {
        List<Diagnostic> d = schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { protocols = typedefs.protocol_http },
                    { config = { type = "record", fields = {
                      { h = typedefs.header { default = "X-Id" } },
                    } } },
                  },
                }
                """);
        assertError(d, Rules.SCHEMA_SHAPE, "schema.lua", 5);
        assertThat(errors(d)).hasSize(1);
    }

    @Test
    void optionalTypedefUnderPcallIsFine() {
        // pcall catches the typedefs error, exactly as in Kong (ip_or_cidr_v4 is not a typedef of Kong 3.10).
        assertNoErrors(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                local schema = {
                  name = "my-plugin",
                  fields = {
                    { protocols = typedefs.protocols_http },
                    { config = { type = "record", fields = {} } },
                  },
                }
                pcall(function()
                  table.insert(schema.fields, { allow = typedefs.ip_or_cidr_v4 })
                end)
                return schema
                """));
    }

    @Test
    void everyKong3TypedefIsKnown() {
        assertNoErrors(schema("""
                local typedefs = require "kong.db.schema.typedefs"
                return {
                  name = "my-plugin",
                  fields = {
                    { consumer = typedefs.no_consumer },
                    { service = typedefs.no_service },
                    { route = typedefs.no_route },
                    { consumer_group = typedefs.no_consumer_group },
                    { protocols = typedefs.protocols },
                    { config = { type = "record", fields = {
                      { ttl = typedefs.ttl { default = 60 } },
                      { keys = typedefs.pem },
                      { jwk = typedefs.jwk },
                      { min_version = typedefs.semantic_version },
                      { redis_host = typedefs.redis_host },
                      { redis_sni = typedefs.redis_server_name },
                      { code = typedefs.lua_code },
                      { labels = typedefs.tags },
                      { cidrs = { type = "array", elements = typedefs.ip_or_cidr } },
                      { cidr4 = typedefs.cidr_v4 },
                      { cidr = typedefs.cidr },
                      { host = typedefs.wildcard_host },
                      { hp = typedefs.host_with_optional_port },
                      { cookie = typedefs.cookie_name },
                      { u = typedefs.utf8_name },
                      { n = typedefs.name },
                      { methods = typedefs.methods },
                      { hdrs = typedefs.headers },
                      { paths = typedefs.router_paths },
                      { srcs = typedefs.sources },
                      { dsts = typedefs.destinations },
                      { q = typedefs.queue },
                      { t = typedefs.timeout { default = 1000 } },
                      { p = typedefs.port { default = 6379 } },
                      { path = typedefs.path },
                      { m = typedefs.http_method },
                      { id = typedefs.uuid },
                      { sni = typedefs.sni },
                      { cert = typedefs.certificate },
                      { key = typedefs.key },
                      { ip = typedefs.ip },
                      { url = typedefs.url { required = true, default = "http://example.com" } },
                    } } },
                  },
                }
                """));
    }

    @Test
    void nameFromTheModuleVarargFailsBecauseKongPassesNoArguments() {
        // The old template's ({...})[1]:match("^kong%.plugins%.([^%.]+)"): custom_plugins.lua runs the schema
        // chunk as pcall(compiled), with no arguments, so `...` is empty and indexing nil fails the load.
        List<Diagnostic> d = schema("""
                local typedefs = require "kong.db.schema.typedefs"
                local plugin_name = ({...})[1]:match("^kong%.plugins%.([^%.]+)")
                return {
                  name = plugin_name,
                  fields = { { protocols = typedefs.protocols_http }, { config = { type = "record", fields = {} } } },
                }
                """);
        assertError(d, Rules.SCHEMA_SHAPE, "schema.lua", 2);
        assertThat(errors(d)).first().satisfies(e -> assertThat(e.message()).contains("`...` is empty"));
    }

    @Test
    void schemaTopLevelFailureAfterAStandInModuleStaysAWarning() {
        // The values of Kong Enterprise's Redis v2 schema module are stand-ins here, so what follows from them
        // cannot be trusted (a documented difference: Kong raises this error).
        List<Diagnostic> d = schema("""
                local redis = require "kong.enterprise_edition.tools.redis.v2.schema"
                if redis.fields[1] then error("cannot be reproduced offline") end
                return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
                """);
        assertNoError(d, Rules.SCHEMA_SHAPE);
        assertThat(d).anySatisfy(w -> assertThat(w.rule()).isEqualTo(Rules.SCHEMA_SHAPE));
    }

    @Test
    void theRedisSchemaModuleIsModelledExactly() {
        // kong/tools/redis/schema.lua (Kong/kong f6b4167a): a table with config_schema; Kong runs this error.
        assertError(schema("""
                local redis = require "kong.tools.redis.schema"
                if redis.config_schema.fields[2].port.default == 6379 then error("Kong raises this") end
                return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
                """), Rules.SCHEMA_SHAPE, "schema.lua", 2);
        assertNoErrors(schema("""
                local redis = require "kong.tools.redis.schema"
                return { name = "my-plugin", fields = { { config = { type = "record",
                  fields = { { redis = redis.config_schema } } } } } }
                """));
        // The Enterprise v2 schema module is a record with stand-in fields: its own keys are known.
        assertError(schema("""
                local redis = require "kong.enterprise_edition.tools.redis.v2.schema"
                if redis.type == "record" then error("Kong raises this") end
                return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
                """), Rules.SCHEMA_SHAPE, "schema.lua", 2);
    }

    @Test
    void requiringABundledPluginsModuleNamesThatPlugin() {
        List<Diagnostic> d = handler("""
                local jwt_decoder = require "kong.plugins.jwt.jwt_parser"
                local H = { PRIORITY = 999, VERSION = "1.0.1" }
                function H:access(conf)
                  local jwt = jwt_decoder:new(kong.ctx.shared.authenticated_jwt_token)
                end
                return H
                """);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 1);
        assertThat(errors(d)).first().satisfies(e -> assertThat(e.message()).contains("bundled 'jwt' plugin"));
    }

    @Test
    void basePluginRequireSaysItIsGone() {
        List<Diagnostic> d = handler("""
                local BasePlugin = require "kong.plugins.base_plugin"
                local H = BasePlugin:extend()
                H.PRIORITY = 1000
                H.VERSION = "1.0.0"
                return H
                """);
        assertError(d, Rules.SANDBOX_REQUIRE, "handler.lua", 1);
        assertThat(errors(d)).filteredOn(e -> e.rule().equals(Rules.SANDBOX_REQUIRE)).first()
                .satisfies(e -> assertThat(e.message()).contains("removed"));
    }

    @Test
    void commonLuaIdiomsAreFine() {
        assertNoErrors(handler("""
                local fmt = string.format
                local concat, insert = table.concat, table.insert
                local unpack = unpack or table.unpack
                local H = { PRIORITY = -5, VERSION = "1.0.0-1" }
                local function count(...) return select("#", ...) end
                function H:access(conf)
                  local parts = {}
                  for i, v in ipairs({ "a", "b" }) do insert(parts, ("%d=%s"):format(i, v)) end
                  local s = concat(parts, ",") .. fmt("%s", tostring(os.time())) .. os.date("!%Y") .. os.clock()
                  local a, b = unpack({ 1, 2 })
                  local ok, err = pcall(error, "x")
                  local n = tonumber("10") + math.floor(3.7) + count(a, b) + #s + os.difftime(2, 1)
                  local u = s:upper():sub(1, 3):rep(2):gsub("A", "b")
                  local t = table.pack(1, 2)
                  local x = bit.band(0xff, 0x0f) + bit.lshift(1, 2)
                  local co = coroutine.wrap(function() coroutine.yield(1) end)
                  xpcall(co, function(e) return e end)
                  if type(n) == "number" and next(t) then
                    kong.service.request.set_header("X-N", tostring(n + x) .. u)
                  end
                end
                return H
                """));
    }

    @Test
    void everydayPdkAndNgxCallsAreFine() {
        assertNoErrors(handler("""
                local ngx = ngx
                local H = { PRIORITY = 1000, VERSION = require("kong.meta").core_version }
                function H:access(conf)
                  ngx.ctx.started = ngx.now()
                  ngx.var.upstream_uri = "/x"
                  local m = ngx.re.match(ngx.var.uri, [[^/(\\w+)]], "jo")
                  ngx.log(ngx.ERR, ngx.encode_base64(ngx.md5("x")), m and m[1])
                  ngx.req.set_header("X-T", ngx.time() + ngx.worker.id())
                  local route, svc = kong.router.get_route(), kong.router.get_service()
                  local ip = kong.client.get_forwarded_ip()
                  if kong.ip.is_trusted(ip) and route and svc and kong.client.get_credential() then
                    kong.service.request.set_query({ a = "1" })
                  end
                  kong.log.inspect(kong.table.merge({ a = 1 }, { b = 2 }), kong.vault.get("{vault://env/x}"))
                  kong.log("plain")
                  kong.cache:get("k", nil, function() return 1 end)
                  kong.db.consumers:select({ id = "x" })
                  kong.ctx.shared.user = kong.configuration.log_level .. kong.node.get_id()
                end
                function H:body_filter(conf)
                  local b = kong.response.get_raw_body()
                  if b then kong.response.set_raw_body(b:upper()) end
                  ngx.arg[1] = ngx.arg[1]
                end
                function H:log(conf)
                  kong.log.set_serialize_value("x", 1)
                  return kong.log.serialize()
                end
                return H
                """));
    }

    @Test
    void ngxReSplitIsNotInTheSandbox() {
        // ngx.re.split only exists after require "ngx.re", which the sandbox refuses; the sandbox's ngx.re has
        // find, gmatch, gsub, match and sub (kong/tools/sandbox/environment/handler.lua).
        assertError(handler("""
                local H = { PRIORITY = 1000, VERSION = "1.0.0" }
                function H:log(conf)
                  local parts = ngx.re.split(ngx.var.request_uri, "/")
                end
                return H
                """), Rules.SANDBOX_GLOBAL, "handler.lua", 3);
    }
}
