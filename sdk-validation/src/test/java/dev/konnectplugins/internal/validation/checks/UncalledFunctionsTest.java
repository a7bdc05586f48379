package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a function no path can call reaches is no finding (Kong never runs it): the resolver and the file checks. */
class UncalledFunctionsTest {
    private static final String MODULE = "local plugin = { PRIORITY = 1000, VERSION = '1.0.0' }\n";

    private static List<String> errors(Kind kind, String code) {
        Findings out = new Findings();
        FileChecks.run(Models.resolve(code, kind), Models.SPEC, kind, out);
        return out.sorted().stream().filter(Diagnostic::isError).map(d -> d.rule() + "@" + d.line()).toList();
    }

    private static List<String> errors(String code) {
        return errors(Kind.HANDLER, code);
    }

    @Test
    void aConstructorNothingCallsIsDeadCode() {
        String code = "local H = {}\nH.__index = H\nH.PRIORITY = 1000\nH.VERSION = '1.0.0'\n"
                + "function H.new()\n  return setmetatable({}, H)\nend\nreturn H\n";
        assertThat(errors(code)).isEmpty();
        // once called, it runs at the top level: Kong's sandbox has no setmetatable
        assertThat(errors(code.replace("return H", "local h = H.new()\nreturn H"))).containsExactly(
                Rules.SANDBOX_GLOBAL + "@6");
    }

    @Test
    void anUncalledLocalFunctionAndWhatOnlyItCallsAreDeadCode() {
        String code = "local function open(p)\n  return io.open(p)\nend\n"
                + "local function unused()\n  return open('/etc/passwd')\nend\n" + MODULE
                + "function plugin:access(conf)\nend\nreturn plugin\n";
        assertThat(errors(code)).isEmpty();
        assertThat(errors(code.replace("function plugin:access(conf)\n", "function plugin:access(conf)\n  unused()\n")))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@2");
    }

    @Test
    void phaseMethodsAndFunctionsReachedByKeyStayChecked() {
        assertThat(errors(MODULE + "function plugin:access(conf)\n  local f = io.open('x')\nend\nreturn plugin\n"))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@3");
        // a member read by a string key or a computed key may run
        assertThat(errors(MODULE + "function plugin.helper()\n  return io.open('x')\nend\n"
                + "function plugin:access(conf)\n  plugin['helper']()\nend\nreturn plugin\n"))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@3");
        assertThat(errors(MODULE + "function plugin.helper()\n  return io.open('x')\nend\n"
                + "function plugin:access(conf)\n  local k = conf.k\n  plugin[k]()\nend\nreturn plugin\n"))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@3");
    }

    @Test
    void aPhaseMethodDefinedAgainLaterIsReplacedBeforeKongCallsIt() {
        // (kong.log is the PDK's, not a read of the plugin's log)
        String code = MODULE + "function plugin:log(conf)\n  local d = ngx.shared.cache\nend\n"
                + "function plugin:log(conf)\n  local t = os.time()\n  kong.log.info(t)\nend\n"
                + "return plugin\n";
        assertThat(errors(code)).isEmpty();
        // defined in a branch, the first may be the one that stays
        assertThat(errors(code.replace("function plugin:log(conf)\n  local t", "if conf then\nfunction "
                + "plugin:log(conf)\n  local t").replace("kong.log.info(t)\nend\n", "kong.log.info(t)\nend\nend\n")))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@3");
    }

    @Test
    void aLocalFunctionPassedAsAValueIsCalled() {
        assertThat(errors("local function cb()\n  return os.execute('ls')\nend\n" + MODULE
                + "function plugin:access(conf)\n  kong.cache:get('k', nil, cb)\nend\nreturn plugin\n"))
                .containsExactly(Rules.SANDBOX_GLOBAL + "@2");
        assertThat(errors("local function cb()\n  return os.execute('ls')\nend\n" + MODULE
                + "plugin.access = cb\nreturn plugin\n")).containsExactly(Rules.SANDBOX_GLOBAL + "@2");
    }

    @Test
    void nilAndAnythingIsNilSoTheRestOfTheChainNeverRuns() {
        // kong/plugins/hmac-auth/schema.lua: the schema sandbox has no kong, and _G.kong is nil there
        assertThat(errors(Kind.SCHEMA, "local a = {}\nif not (_G.kong and kong.configuration and "
                + "kong.configuration.fips) then\n  a[1] = 1\nend\nreturn { name = 'x', fields = {} }\n")).isEmpty();
    }
}
