package dev.konnectplugins.internal.validation.eval;

import dev.konnectplugins.internal.validation.analysis.SandboxSpec;
import dev.konnectplugins.internal.validation.analysis.SandboxSpec.Kind;
import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * Compiles a file with luaj and runs its top level in an environment that mirrors Kong's plugin sandbox (see
 * {@code sandbox-prelude.lua}), with an instruction budget and a time limit. Phase functions are never called.
 */
public final class SandboxEvaluator {
    private static final long INSTRUCTION_BUDGET = 1_000_000L;
    private static final long TIME_LIMIT_NANOS = 1_000_000_000L;
    private static final Pattern LINE = Pattern.compile("^[^:]*:(\\d+):\\s*");
    private static final Pattern RUNTIME_LINE = Pattern.compile("^(@?[^:\\s]+):(\\d+):?\\s*");
    private static final Pattern GOTO_LINE = Pattern.compile("<goto [^>]*> at line (\\d+)");

    /** Compiles prepared source; a failure is a syntax problem. */
    public static Compilation compile(String code, String file) {
        try {
            InputStream in = new UnsynchronizedInput(code.getBytes(StandardCharsets.UTF_8));
            return new Compilation(LuaC.instance.compile(in, "@" + file), null);
        } catch (LuaError e) {
            String message = e.getMessage() == null ? "syntax error" : e.getMessage();
            Matcher m = LINE.matcher(message);
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            Matcher gotoLine = GOTO_LINE.matcher(message);
            if (gotoLine.find()) {
                // LuaJIT reports a goto that jumps into a local's scope at the goto, luaj at the label's block.
                line = Integer.parseInt(gotoLine.group(1));
            }
            return new Compilation(null, new SyntaxProblem(line, 0, m.replaceFirst("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return new Compilation(null, new SyntaxProblem(0, 0, "does not compile: " + e.getClass().getSimpleName()));
        }
    }

    /** Runs a compiled file's top level in a fresh sandbox for the file's kind. */
    public static Evaluation evaluate(Prototype prototype, Kind kind) {
        Globals env = new Globals();
        LuaValue exact = Trusted.build(env, kind);
        env.debuglib = new ExecutionBudget(INSTRUCTION_BUDGET, TIME_LIMIT_NANOS);
        String file = "@" + kind.file();
        try {
            LuaValue value = new LuaClosure(prototype, env).invoke(LuaValue.NONE).arg1();
            return Evaluation.returned(value, exact.call().toboolean());
        } catch (ExecutionBudget.Exhausted e) {
            return Evaluation.failed(e.getMessage(), 0, true, false);
        } catch (LuaError e) {
            String message = e.getMessage() == null ? "error" : e.getMessage().strip();
            Matcher m = RUNTIME_LINE.matcher(message);
            int line = 0;
            if (m.find()) {
                // luaj writes "@schema.lua:3 attempt to ..." (no colon after the line); a line in the prelude
                // (a stand-in raising an error) is not the plugin's.
                line = m.group(1).equals(file) ? Integer.parseInt(m.group(2)) : 0;
                message = m.replaceFirst("");
            }
            return Evaluation.failed(message, line, false, exact.call().toboolean());
        } catch (StackOverflowError e) {
            return Evaluation.failed("stack overflow", 0, false, false);
        } catch (OutOfMemoryError e) {
            return Evaluation.failed("it needed more memory than validation allows", 0, true, false);
        } catch (RuntimeException e) {
            return Evaluation.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), 0, false, false);
        }
    }

    /** Whether a value is one of the permissive stand-ins for something the validator cannot reproduce. */
    public static boolean isStub(LuaValue value) {
        if (!value.istable()) {
            return false;
        }
        LuaValue mt = value.getmetatable();
        return mt != null && mt.rawget("__stub").toboolean();
    }

    /** The trusted Globals holding the standard libraries and the prelude's environment builder, made once. */
    private static final class Trusted {
        private static final LuaValue BUILDER = load();

        /** Fills {@code env}; returns a function telling whether the run has touched a stand-in. */
        static LuaValue build(Globals env, Kind kind) {
            SandboxSpec spec = SandboxSpec.bundled();
            LuaTable names = new LuaTable();
            int index = 0;
            for (String name : spec.names(kind)) {
                names.rawset(++index, LuaValue.valueOf(name));
            }
            LuaTable requires = new LuaTable();
            for (String module : spec.requires(kind)) {
                requires.rawset(module, LuaValue.TRUE);
            }
            return BUILDER.invoke(LuaValue.varargsOf(new LuaValue[] {env,
                    LuaValue.valueOf(kind == Kind.HANDLER ? "handler" : "schema"), names, requires})).arg1();
        }

        private static LuaValue load() {
            Globals trusted = new Globals();
            trusted.load(new BaseLib());
            trusted.load(new PackageLib());
            trusted.load(new Bit32Lib());
            trusted.load(new TableLib());
            trusted.load(new StringLib());
            trusted.load(new CoroutineLib());
            trusted.load(new JseMathLib());
            trusted.load(new JseOsLib());
            LoadState.install(trusted);
            LuaC.install(trusted);
            try (InputStream in = SandboxEvaluator.class.getResourceAsStream(
                    "/dev/konnectplugins/internal/validation/sandbox-prelude.lua")) {
                if (in == null) {
                    throw new IllegalStateException("Missing sandbox-prelude.lua");
                }
                return trusted.load(in, "@sandbox-prelude.lua", "t", trusted).call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * LuaC reads its input one byte at a time; ByteArrayInputStream's read() is synchronized, which costs a
     * lock per byte (about a fifth of the compile time of a 100 KB file).
     */
    private static final class UnsynchronizedInput extends InputStream {
        private final byte[] bytes;
        private int pos;

        UnsynchronizedInput(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - pos;
        }
    }

    private SandboxEvaluator() {
    }
}
