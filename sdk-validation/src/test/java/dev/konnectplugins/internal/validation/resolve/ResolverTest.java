package dev.konnectplugins.internal.validation.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.internal.validation.lua.LuaDialect;
import dev.konnectplugins.internal.validation.lua.LuaSyntax;
import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Event.ReadKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The resolver alone: what it produces for code, with an environment where only {@code ngx.timer} and
 * {@code bit32} are absent. No sandbox, no rules.
 */
class ResolverTest {
    private static final Set<List<String>> ABSENT = Set.of(List.of("ngx", "timer"), List.of("bit32"));
    private static final Context TOP = new Context(false, false, false);

    private static Resolution resolve(String code) {
        PreparedSource prepared = LuaDialect.prepare(code);
        assertThat(prepared.problem()).isNull();
        LuaSyntax.Parsed parsed = LuaSyntax.parse(prepared.code());
        assertThat(parsed.problem()).isNull();
        return Resolver.resolve(parsed.chunk(), prepared,
                path -> IntStream.rangeClosed(1, path.size()).anyMatch(n -> ABSENT.contains(path.subList(0, n))));
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(line, column);
    }

    @Test
    void aReadIsWhereAChainStartsAndOnlyItsOutermostExpressionIsRead() {
        List<Event.Read> reads = resolve("local h = ngx[\"var\"].host .. x").events(Event.Read.class);
        assertThat(reads).containsExactly(
                new Event.Read(List.of("ngx", "var", "host"), ReadKind.USE, at(1, 11), TOP),
                new Event.Read(List.of("x"), ReadKind.USE, at(1, 30), TOP));
    }

    @Test
    void localsAliasGlobalsAndShadowThem() {
        Resolution r = resolve("local t = ngx.req\nlocal v = t.get_headers()\nlocal os = {}\nos.exit()");
        assertThat(r.events(Event.Read.class)).extracting(Event.Read::path, Event.Read::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("ngx", "req"), ReadKind.ALIAS),
                org.assertj.core.groups.Tuple.tuple(List.of("ngx", "req"), ReadKind.ALIAS_USED),
                org.assertj.core.groups.Tuple.tuple(List.of("ngx", "req", "get_headers"), ReadKind.USE));
        // The first use reads at the declaration, once; os is the local table, not the global.
        assertThat(r.events(Event.Read.class).get(1).at()).isEqualTo(at(1, 11));
    }

    @Test
    void testedReadsAreNoEventsAndCodeTheEnvironmentCannotRunIsDead() {
        Resolution r = resolve("if ngx.timer then ngx.timer.at(0, f) end\nlocal b = bit32 or bit\nb.band(1, 2)");
        List<Event.Read> reads = r.events(Event.Read.class);
        // bit32 is only tested; b holds what the or gives, bit.
        assertThat(reads).extracting(Event.Read::path).containsExactly(List.of("ngx", "timer", "at"), List.of("f"),
                List.of("bit"), List.of("bit", "band"));
        assertThat(reads.get(0).context().dead()).isTrue();
        assertThat(reads.get(3).context().dead()).isFalse();
    }

    @Test
    void functionBodiesAndPcallSetTheContext() {
        Resolution r = resolve("local function f() os.exit() end\npcall(function() os.exit() end)\n"
                + "local function g() os.exit() end\nreturn { access = g }");
        // f is never called: its body is dead code; g is a phase Kong calls
        assertThat(r.events(Event.Read.class)).filteredOn(read -> read.path().equals(List.of("os", "exit")))
                .extracting(Event.Read::context)
                .containsExactly(new Context(true, false, true), new Context(true, true, false),
                        new Context(true, false, false));
    }

    @Test
    void writesOfGlobalsAndOfGlobalTables() {
        Resolution r = resolve("helper = 1\nfunction run() end\nkong.x = 1\nlocal t = {}\nt.y = 2\n_G.z = 3");
        assertThat(r.events(Event.GlobalWrite.class)).containsExactly(
                new Event.GlobalWrite("helper", false, at(1, 1), TOP),
                new Event.GlobalWrite("run", true, at(2, 1), TOP));
        assertThat(r.events(Event.FieldWrite.class)).containsExactly(
                new Event.FieldWrite(List.of("kong"), "x", at(3, 1), TOP),
                new Event.FieldWrite(List.of(), "z", at(6, 1), TOP));
    }

    @Test
    void callsNameTheirCalleeAndTheFunctionTheyAreIn() {
        Resolution r = resolve("local function start()\n  ngx.timer.at(0, print)\nend\nstart()");
        List<Event.Call> calls = r.events(Event.Call.class);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).callee()).isEqualTo(new Value.Global(List.of("ngx", "timer", "at")));
        assertThat(calls.get(0).caller().name()).isEqualTo("start");
        assertThat(calls.get(0).context().inFunction()).isTrue();
        assertThat(calls.get(1).callee()).isInstanceOf(Value.Function.class);
        assertThat(((Value.Function) calls.get(1).callee()).info()).isSameAs(calls.get(0).caller());
        assertThat(calls.get(1).caller().name()).isEqualTo("main chunk");
        assertThat(calls.get(1).at()).isEqualTo(at(4, 1));
    }

    @Test
    void requiresWithTheirModuleOrNone() {
        Resolution r = resolve("local a = require \"cjson\"\nlocal ok, b = pcall(require, \"resty.x\")\n"
                + "local c = require(\"kong.\" .. \"meta\")\nlocal d = require(name)");
        assertThat(r.events(Event.Require.class)).containsExactly(
                new Event.Require("cjson", false, at(1, 11), TOP),
                new Event.Require("resty.x", true, at(2, 15), TOP),
                new Event.Require("kong.meta", false, at(3, 11), TOP),
                new Event.Require(null, false, at(4, 11), TOP));
    }

    @Test
    void whatLuaJitsCompileLimitsAreJudgedOn() {
        Resolution r = resolve("local f = function(...) return ... end\nlocal g = function() return ... end\n"
                + "while true do break end\nbreak\nlocal t = { a = 1, a = 2 }\ndo goto nowhere end");
        assertThat(r.events(Event.VarargOutsideVarargFunction.class)).extracting(Event.VarargOutsideVarargFunction::at)
                .containsExactly(at(2, 29));
        assertThat(r.events(Event.BreakOutsideLoop.class)).extracting(Event.BreakOutsideLoop::at)
                .containsExactly(at(4, 1));
        assertThat(r.events(Event.DuplicateKey.class)).containsExactly(new Event.DuplicateKey("a", at(5, 20)));
        List<Event.FunctionEnd> ends = r.events(Event.FunctionEnd.class);
        assertThat(ends).extracting(Event.FunctionEnd::line).containsExactly(1, 2, 1);
        assertThat(ends.get(2).unresolvedGotos()).containsExactly(new Event.Goto("nowhere", at(6, 4)));
        assertThat(ends.get(2).maxActiveLocals()).isEqualTo(3);
    }

    @Test
    void localsUpvaluesAndCallSlotsAreCounted() {
        String locals = IntStream.range(0, 5).mapToObj(i -> "local u" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        Resolution r = resolve(locals + "\nlocal function f() return u0 + u1 + u4 end\nprint(tostring(f()))");
        Event.FunctionEnd f = r.events(Event.FunctionEnd.class).get(0);
        assertThat(f.line()).isEqualTo(6);
        assertThat(f.upvalues()).isEqualTo(3);
        // print in slot 6 (after six locals) and its frame slot; tostring in slot 8, f in slot 10, and f's frame
        // slot: 12 slots. One event, for the outermost call.
        assertThat(r.events(Event.CallNesting.class)).extracting(Event.CallNesting::slots).containsExactly(12);
    }

    @Test
    void factsOfTheModuleValue() {
        Resolution r = resolve("local H = { PRIORITY = 1000LL }\nerror(\"x\")\nreturn H, \"e\"");
        ChunkFacts facts = r.facts();
        assertThat(facts.returned().field("PRIORITY").value()).isInstanceOf(Value.Cdata.class);
        assertThat(facts.returned().field("PRIORITY").at()).isEqualTo(at(1, 13));
        assertThat(facts.raiseLines()).containsExactly(2);
        assertThat(facts.extraReturn()).isEqualTo(new Value.Str("e"));
        assertThat(facts.returnAt()).isEqualTo(at(3, 1));
        assertThat(facts.returns()).isTrue();
    }

    @Test
    void constantsLuaJitsTemplateOverridesAreLeftOut() {
        Resolution r = resolve("local t = { a = f(), a = 1 }");
        assertThat(r.facts().overriddenConstants()).hasSize(1);
        assertThat(r.facts().overriddenConstants().get(0).from()).isEqualTo(at(1, 22));
    }
}
