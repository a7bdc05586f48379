package dev.konnectplugins.internal.validation.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.DumpState;
import org.luaj.vm2.compiler.LuaC;

/**
 * The code of {@code sandbox-prelude.lua}, which every sandbox runs first. The build compiles it to a luaj binary
 * chunk ({@link #main}, run by exec-maven-plugin after the classes are compiled), so that a fresh JVM loads the
 * prototype (about 5 ms) instead of compiling 14 KB of Lua with a compiler it has not run yet (about 40 ms). Where the
 * chunk is missing (classes compiled by an IDE alone), the source is compiled as before.
 */
public final class SandboxPrelude {
    private static final String FOLDER = "dev/konnectplugins/internal/validation/";
    private static final String SOURCE = FOLDER + "sandbox-prelude.lua";
    private static final String COMPILED = FOLDER + "sandbox-prelude.luac";
    private static final String CHUNK_NAME = "@sandbox-prelude.lua";

    private SandboxPrelude() {
    }

    /**
     * Writes the compiled prelude into the classes folder.
     *
     * @param args the classes folder (target/classes)
     * @throws IOException when the chunk cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SandboxPrelude <classes folder>");
        }
        Path target = Path.of(args[0]).resolve(COMPILED);
        Files.createDirectories(target.getParent());
        Files.write(target, dump(compile()));
    }

    /** The prelude's prototype: loaded from the build's chunk, else compiled from the source. */
    static Prototype load() {
        try (InputStream in = SandboxPrelude.class.getClassLoader().getResourceAsStream(COMPILED)) {
            return in == null ? compile() : LoadState.instance.undump(in, CHUNK_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prelude compiled from its source. */
    static Prototype compile() {
        try (InputStream in = SandboxPrelude.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SOURCE);
            }
            return LuaC.instance.compile(in, CHUNK_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary chunk of {@code prototype}, with its debug information (line numbers, local names). */
    static byte[] dump(Prototype prototype) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpState.dump(prototype, out, false);
        return out.toByteArray();
    }
}
