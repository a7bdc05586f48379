package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.assertError;
import static dev.konnectplugins.validation.Plugins.assertNoError;
import static dev.konnectplugins.validation.Plugins.assertNoErrors;
import static dev.konnectplugins.validation.Plugins.handler;

import dev.konnectplugins.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"return 42\n", "return\n", "", "local H = {}\n", "return \"handler\"\n"})
    void handlerMustReturnATable(String source) {
        assertThat(handler(source)).anyMatch(d -> d.isError() && d.rule().equals(Rules.HANDLER_SHAPE));
    }

    @Test
    void factoryHandlersPass() {
        assertNoErrors(handler("""
                local function new(priority)
                  local h = { PRIORITY = priority, VERSION = "1.0.0" }
                  h.access = function(self, conf) kong.log.debug("x") end
                  return h
                end
                return new(900)
                """));
        assertNoErrors(handler("""
                return {
                  VERSION = "1.0.0",
                  PRIORITY = 1,
                  access = function(self, conf) kong.response.exit(200) end,
                }
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1000\"", "10.5", "nil", "0/0", "math.huge", "true"})
    void priorityMustBeAnInteger(String priority) {
        List<Diagnostic> d = handler("local H = { VERSION = \"1.0.0\" }\nH.PRIORITY = " + priority + "\nreturn H\n");
        assertThat(d).anyMatch(x -> x.isError() && x.rule().equals(Rules.HANDLER_PRIORITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "1000000", "2^10", "math.floor(7.5)"})
    void integerPrioritiesPass(String priority) {
        assertNoErrors(handler("local H = { VERSION = \"1.0.0\" }\nH.PRIORITY = " + priority + "\nreturn H\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.2.3.4\"", "\"abc\"", "\"\"", "1.0", "nil", "\"1..2\"", "\".\"",
        "require(\"kong.meta\").version"})
    void versionMustParse(String version) {
        assertError(handler("local H = { PRIORITY = 1 }\nH.VERSION = " + version + "\nreturn H\n"),
                Rules.HANDLER_VERSION, "handler.lua", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.0.0\"", "\"0.1\"", "\"1\"", "\"1.0.0-beta.1\"", "\"v2.1.2\"",
        "\"3.0.0 -- x-release-please-version\"", "require(\"kong.meta\").core_version", "\"..1.0\""})
    void looseVersionsPass(String version) {
        assertNoErrors(handler("local H = { PRIORITY = 1 }\nH.VERSION = " + version + "\nreturn H\n"));
    }

    @Test
    void responseWithFiltersIsRefused() {
        List<Diagnostic> d = handler("""
                local H = { PRIORITY = 1, VERSION = "1.0.0" }
                function H:response(conf) end
                function H:body_filter(conf) end
                return H
                """);
        assertError(d, Rules.HANDLER_PHASES, "handler.lua", 2);
    }

    @Test
    void responseAloneOrFiltersAlonePass() {
        assertNoErrors(handler("""
                local H = { PRIORITY = 1, VERSION = "1.0.0" }
                function H:response(conf) end
                function H:access(conf) end
                return H
                """));
        assertNoErrors(handler("""
                local H = { PRIORITY = 1, VERSION = "1.0.0" }
                function H:header_filter(conf) end
                function H:body_filter(conf) end
                return H
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "function H:init_worker() end",
        "function H.init_worker() end",
        "H.init_worker = function() end",
        "H[\"init_worker\"] = function() end",
        "local alias = H\nalias.init_worker = function() end",
    })
    void initWorkerInAnyFormIsRefused(String definition) {
        List<Diagnostic> d = handler("local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n" + definition + "\nreturn H\n");
        assertThat(d).anyMatch(x -> x.isError() && x.rule().equals(Rules.HANDLER_INIT_WORKER) && x.line() >= 2);
    }

    @Test
    void initWorkerAsATableFieldIsRefused() {
        assertError(handler("""
                return {
                  PRIORITY = 1, VERSION = "1.0.0",
                  init_worker = function() end,
                }
                """), Rules.HANDLER_INIT_WORKER, "handler.lua", 3);
    }

    @Test
    void initWorkerOnAnotherTableIsFine() {
        List<Diagnostic> d = handler("""
                local exporter = {}
                function exporter.init_worker() end
                local H = { PRIORITY = 1, VERSION = "1.0.0" }
                function H:configure(configs) exporter.init_worker() end
                function H:access(conf) end
                return H
                """);
        assertNoError(d, Rules.HANDLER_INIT_WORKER);
        assertNoErrors(d);
    }

    @Test
    void evaluationStopsInfiniteLoops() {
        List<Diagnostic> d = handler("while true do end\n" + Plugins.GOOD_HANDLER);
        assertThat(d).anyMatch(x -> x.isError() && x.rule().equals(Rules.HANDLER_SHAPE));
    }

    private static org.assertj.core.api.ListAssert<Diagnostic> assertThat(List<Diagnostic> d) {
        return org.assertj.core.api.Assertions.assertThat(d).as("diagnostics %s", d);
    }
}
