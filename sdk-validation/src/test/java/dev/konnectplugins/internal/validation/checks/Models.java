package dev.konnectplugins.internal.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.validation.lua.LuaDialect;
import dev.konnectplugins.internal.validation.lua.LuaSyntax;
import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Context;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.resolve.Resolver;
import dev.konnectplugins.internal.validation.sandbox.Compilation;
import dev.konnectplugins.internal.validation.sandbox.SandboxEvaluator;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import java.util.List;

/** Builds the models the checks run on, from Lua source, for unit tests of one check. */
final class Models {
    static final SandboxSpec SPEC = SandboxSpec.bundled();
    static final Context TOP_LEVEL = new Context(false, false, false);
    static final Context IN_FUNCTION = new Context(true, false, false);
    static final Context CAUGHT = new Context(true, true, false);
    static final Context DEAD = new Context(false, false, true);

    private Models() {
    }

    static SourcePosition at(int line, int column) {
        return new SourcePosition(line, column);
    }

    /** The resolution of a file that parses. */
    static Resolution resolve(String code, Kind kind) {
        return resolve(prepare(code), kind);
    }

    private static PreparedSource prepare(String code) {
        PreparedSource prepared = LuaDialect.prepare(code);
        assertThat(prepared.problem()).isNull();
        return prepared;
    }

    private static Resolution resolve(PreparedSource prepared, Kind kind) {
        LuaSyntax.Parsed parsed = LuaSyntax.parse(prepared.code());
        assertThat(parsed.problem()).isNull();
        return Resolver.resolve(parsed.chunk(), prepared, FileChecks.environment(SPEC, kind));
    }

    /** A file resolved and its top level evaluated, as the pipeline gives it to the plugin-wide checks. */
    static FileAnalysis analyse(String code, Kind kind) {
        PreparedSource prepared = prepare(code);
        Resolution resolution = resolve(prepared, kind);
        Compilation compiled = SandboxEvaluator.compile(prepared.code(), kind.file());
        assertThat(compiled.problem()).isNull();
        return new FileAnalysis(code, resolution, SandboxEvaluator.evaluate(compiled.prototype(), kind));
    }

    static List<Diagnostic> findings(Findings out) {
        return out.sorted();
    }
}
