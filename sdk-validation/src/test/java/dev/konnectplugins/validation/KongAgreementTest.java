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

    @ParameterizedTest
    @ValueSource(strings = {"application-registration", "statsd-advanced"})
    void enterpriseBundledNamesAreReserved(String name) {
        String schema = Plugins.GOOD_SCHEMA.replace("\"my-plugin\"", "\"" + name + "\"");
        assertThat(Plugins.validate(name, Plugins.GOOD_HANDLER, schema))
                .anyMatch(d -> d.isError() && d.rule().equals(Rules.NAME_RESERVED));
    }
}
