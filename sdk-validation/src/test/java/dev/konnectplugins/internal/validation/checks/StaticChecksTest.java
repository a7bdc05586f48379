package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The resolver and the file checks together, on handler.lua code without the rest of the pipeline. */
class StaticChecksTest {

    private static List<Diagnostic> analyse(String code) {
        Findings out = new Findings();
        FileChecks.run(Models.resolve(code, Kind.HANDLER), Models.SPEC, Kind.HANDLER, out);
        return out.sorted();
    }

    private static List<String> rules(List<Diagnostic> d) {
        return d.stream().filter(Diagnostic::isError).map(Diagnostic::rule).toList();
    }

    @Test
    void redeclaringALocalInTheSameBlockDoesNotLeakTowardTheLimit() {
        // The pattern: LuaJIT compiles it (each block frees its two slots).
        assertThat(analyse("do local a = 1; local a = a + 1 end\n".repeat(210))).isEmpty();
    }

    @Test
    void twoHundredActiveLocalsAreTheLimit() {
        String locals = IntStream.range(0, 200).mapToObj(i -> "local a" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        assertThat(analyse(locals)).isEmpty();
        assertThat(rules(analyse(locals + "\nlocal one_more = 1"))).containsExactly(Rules.LUA_SYNTAX);
        // A redeclared name takes a new slot too.
        assertThat(rules(analyse("do\n" + "local a = 1\n".repeat(201) + "end"))).containsExactly(Rules.LUA_SYNTAX);
    }

    private static String upvalues(int n) {
        String declarations = IntStream.range(0, n).mapToObj(i -> "local u" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        String uses = IntStream.range(0, n).mapToObj(i -> "u" + i).collect(Collectors.joining(" + "));
        return "do\n" + declarations + "\nlocal function f() return " + uses + " end\nend";
    }

    @Test
    void oneHundredTwentyUpvaluesAreTheLimit() {
        assertThat(analyse(upvalues(120))).isEmpty();
        assertThat(rules(analyse(upvalues(121)))).containsExactly(Rules.LUA_SYNTAX);
    }

    @Test
    void aLocalShadowsTheSandboxGlobal() {
        assertThat(analyse("local os = { getenv = function() end }\nlocal v = os.getenv(\"X\")")).isEmpty();
        assertThat(rules(analyse("local v = os.getenv(\"X\")"))).containsExactly(Rules.SANDBOX_GLOBAL);
        assertThat(analyse("do local os = {} end\nlocal v = os.time()")).isEmpty();
    }

    @Test
    void eachCheckOwnsItsRule() {
        assertThat(rules(analyse("ngx.timer.at(0, function() end)"))).containsExactly(Rules.SANDBOX_TIMER);
        assertThat(rules(analyse("local u = require \"kong.tools.utils\""))).containsExactly(Rules.SANDBOX_REQUIRE);
        assertThat(rules(analyse("local f = function() break end"))).containsExactly(Rules.LUA_SYNTAX);
        assertThat(rules(analyse("helper = 1"))).containsExactly(Rules.SANDBOX_GLOBAL);
    }
}
