package dev.konnectplugins.internal.validation.sandbox;

import dev.konnectplugins.internal.validation.lua.PluginText;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SyntaxProblem;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/**
 * Compiles a file with luaj and runs its top level in an environment that mirrors Kong's plugin sandbox (see
 * {@code sandbox-prelude.lua}), under the {@link Limit}s. Phase functions are never called.
 */
public final class SandboxEvaluator {
    private static final Pattern LINE = Pattern.compile("^[^:]*:(\\d+):\\s*");
    private static final Pattern RUNTIME_LINE = Pattern.compile("^(@?[^:\\s]+):(\\d+):?\\s*");
    private static final Pattern LUAJ_LINE = Pattern.compile("^([^:\\s]+):(\\d+):\\s*");
    private static final Pattern GOTO_LINE = Pattern.compile("<goto [^>]*> at line (\\d+)");
    private static final LuaString STUB = LuaString.valueOf("__stub");

    /**
     * Makes the sandbox's fixed parts now rather than at the first evaluation: the compiled prelude, the allowlists
     * and Kong's typedefs.
     */
    public static void prepare() {
        Sandbox.prepare();
    }

    /** Compiles prepared source; a failure is a syntax problem. */
    public static Compilation compile(String code, String file) {
        try {
            UnicodeEscapes escapes = UnicodeEscapes.of(code);
            String source = escapes == null ? code : escapes.rewrite(code);
            InputStream in = new UnsynchronizedInput(source.getBytes(StandardCharsets.UTF_8));
            Prototype prototype = LuaC.instance.compile(in, "@" + file);
            if (escapes != null) {
                escapes.decode(prototype);
            }
            LuaJitOperators.fixConstantComparisons(prototype);
            return new Compilation(prototype, null);
        } catch (LuaError e) {
            String message = e.getMessage() == null ? "syntax error" : e.getMessage();
            Matcher m = LINE.matcher(message);
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            Matcher gotoLine = GOTO_LINE.matcher(message);
            if (gotoLine.find()) {
                // LuaJIT reports a goto that jumps into a local's scope at the goto, luaj at the label's block.
                line = Integer.parseInt(gotoLine.group(1));
            }
            return new Compilation(null, new SyntaxProblem(SourcePosition.ofLine(line), m.replaceFirst("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (isLuajLimit(e)) {
                return new Compilation(null, new SyntaxProblem(SourcePosition.NONE, "beyond the evaluator's compiler "
                        + "limits (luaj allows 199 local variables per function, LuaJIT 200)"), true);
            }
            return new Compilation(null,
                    new SyntaxProblem(SourcePosition.NONE, "does not compile: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * Runs a compiled file's top level in a fresh sandbox for the file's kind, under the {@link Limit}s. Returns when
     * the chunk ends, fails or hits a limit, with every thread it started ended.
     */
    public static Evaluation evaluate(Prototype prototype, Kind kind) {
        String file = "@" + kind.file();
        ExecutionBudget budget = new ExecutionBudget(file);
        Sandbox sandbox = null;
        try {
            sandbox = Sandbox.create(kind, budget);
            sandbox.start(budget);
            LuaValue value = new LuaClosure(prototype, sandbox.globals()).invoke(LuaValue.NONE).arg1();
            sandbox.stop();
            return Evaluation.returned(value, sandbox.exact());
        } catch (LimitExceeded e) {
            return Evaluation.failed(e.failure(), e.line(), true, false);
        } catch (LuaError e) {
            if (sandbox == null) {
                throw new IllegalStateException("The sandbox could not be set up", e);
            }
            sandbox.stop();
            return luaFailure(e, file, sandbox.exact());
        } catch (StackOverflowError e) {
            return Evaluation.failed(new LimitExceeded(Limit.DEPTH, 0).failure(), 0, true, false);
        } catch (OutOfMemoryError e) {
            return Evaluation.failed(new LimitExceeded(Limit.MEMORY, 0).failure(), 0, true, false);
        } catch (RuntimeException e) {
            return Evaluation.failed(e.getClass().getSimpleName() + ": " + PluginText.quote(e.getMessage()), 0, false,
                    false);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private static Evaluation luaFailure(LuaError e, String file, boolean exact) {
        // Only the start can hold a position; the rest is quoted, cut, in the diagnostic.
        String full = e.getMessage() == null ? "error" : e.getMessage();
        String message = full.substring(0, Math.min(full.length(), 2 * PluginText.QUOTE_LIMIT)).strip();
        Matcher m = RUNTIME_LINE.matcher(message);
        int line = 0;
        if (m.find()) {
            // luaj writes "@schema.lua:3 attempt to ..." (no colon after the line); a line in the prelude
            // (a stand-in raising an error) is not the plugin's.
            line = m.group(1).equals(file) ? Integer.parseInt(m.group(2)) : 0;
            message = m.replaceFirst("");
        }
        // error("...") in the plugin's code wrote the position LuaJIT would: "schema.lua:3: ..."; the diagnostic
        // carries the line already.
        Matcher own = LUAJ_LINE.matcher(message);
        if (own.find() && ("@" + own.group(1)).equals(file)) {
            line = Integer.parseInt(own.group(2));
            message = own.replaceFirst("");
        }
        message = full.length() > 2 * PluginText.QUOTE_LIMIT
                ? PluginText.cut(message, PluginText.QUOTE_LIMIT, full.length()) : PluginText.quote(message);
        return e instanceof LibraryError ? Evaluation.failedInLibrary(message, line, exact)
                : Evaluation.failed(message, line, false, exact);
    }

    /**
     * luaj's compiler fails with a NullPointerException when it reports one of its limits (its error path needs a
     * state the compiler does not set); the static checks (SyntaxCheck) already hold the code to LuaJIT's limits.
     */
    private static boolean isLuajLimit(RuntimeException e) {
        if (!(e instanceof NullPointerException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("org.luaj.vm2.compiler.FuncState")
                    && frame.getMethodName().equals("errorlimit")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value is one of the permissive stand-ins for something the validator cannot reproduce. */
    public static boolean isStub(LuaValue value) {
        if (!value.istable()) {
            return false;
        }
        LuaValue mt = value.getmetatable();
        return mt != null && mt.rawget(STUB).toboolean();
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
