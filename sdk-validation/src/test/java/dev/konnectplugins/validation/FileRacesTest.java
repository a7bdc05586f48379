package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: the plugin folder changes while it is read (an attacker's process swaps entries in a loop). A
 * file is opened first and then checked, without following any link, so no swap makes the validator read a file
 * outside the folder, and no FIFO swapped in blocks it.
 */
class FileRacesTest {
    private static final String INSIDE = "return { PRIORITY = 1000, VERSION = '1.0.0' }\n";
    /** What a read outside the folder would show: its top level fails with this text. */
    private static final String OUTSIDE = "error('READ-OUTSIDE-THE-FOLDER')\n";
    private static final String SCHEMA = """
            return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
            """;

    @TempDir
    Path tmp;

    /** Runs {@code swap} in a loop on another thread while {@code body} runs. */
    private static void whileSwapping(SwapStep swap, Runnable body) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            while (!done.get()) {
                try {
                    swap.run();
                } catch (IOException e) {
                    // A step can fail while the validator holds the entry: try again.
                }
            }
        }, "swapper");
        swapper.setDaemon(true);
        swapper.start();
        try {
            body.run();
        } finally {
            done.set(true);
            swapper.join(10_000);
        }
    }

    private interface SwapStep {
        void run() throws IOException;
    }

    /**
     * handler.lua links to sub/handler.lua inside the folder, and sub is swapped, again and again, for a link to a
     * folder outside whose handler.lua the validator must never read.
     */
    private Path pluginWithSwappableSubFolder() throws IOException {
        Path plugin = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(plugin.resolve("schema.lua"), SCHEMA);
        Path sub = Files.createDirectories(plugin.resolve("sub"));
        Files.writeString(sub.resolve("handler.lua"), INSIDE);
        Files.createSymbolicLink(plugin.resolve("handler.lua"), Path.of("sub/handler.lua"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("handler.lua"), OUTSIDE);
        Files.createSymbolicLink(plugin.resolve("sub.link"), outside);
        return plugin;
    }

    private static SwapStep swapSubFolder(Path plugin) {
        Path sub = plugin.resolve("sub");
        Path real = plugin.resolve("sub.real");
        Path link = plugin.resolve("sub.link");
        return () -> {
            Files.move(sub, real, StandardCopyOption.ATOMIC_MOVE);
            Files.move(link, sub, StandardCopyOption.ATOMIC_MOVE);
            Thread.yield();
            Files.move(sub, link, StandardCopyOption.ATOMIC_MOVE);
            Files.move(real, sub, StandardCopyOption.ATOMIC_MOVE);
        };
    }

    @Test
    @Timeout(300)
    void aSubFolderSwappedForALinkNeverMakesTheValidatorReadOutside() throws Exception {
        Path plugin = pluginWithSwappableSubFolder();
        PluginValidator validator = PluginValidator.builder().build();
        whileSwapping(swapSubFolder(plugin), () -> {
            for (int i = 0; i < 300; i++) {
                List<Diagnostic> diagnostics = validator.validateDirectory(plugin).diagnostics();
                assertThat(diagnostics).noneMatch(d -> d.message().contains("READ-OUTSIDE-THE-FOLDER"));
            }
        });
    }

    @Test
    @Timeout(300)
    void aSubFolderSwappedForALinkNeverMakesPluginSourceReadOutside() throws Exception {
        Path plugin = pluginWithSwappableSubFolder();
        whileSwapping(swapSubFolder(plugin), () -> {
            for (int i = 0; i < 300; i++) {
                try {
                    assertThat(PluginSource.fromDirectory(plugin).handler()).isEqualTo(INSIDE);
                } catch (UncheckedIOException refused) {
                    // Caught mid-swap: refused, which is fine; reading the outside file is not.
                    assertThat(refused.getMessage()).doesNotContain("READ-OUTSIDE");
                }
            }
        });
    }

    @Test
    @Timeout(300)
    void aFifoSwappedInForHandlerLuaNeverBlocks() throws Exception {
        Path plugin = Files.createDirectories(tmp.resolve("my-plugin"));
        Files.writeString(plugin.resolve("schema.lua"), SCHEMA);
        Files.writeString(plugin.resolve("handler.lua"), INSIDE);
        Path regular = Files.writeString(tmp.resolve("handler.regular"), INSIDE);
        Path fifo = tmp.resolve("handler.fifo");
        int status;
        try {
            status = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException e) {
            status = -1;
        }
        assumeThat(status).as("mkfifo available").isZero();
        Path handler = plugin.resolve("handler.lua");
        Path parked = tmp.resolve("handler.parked");
        PluginValidator validator = PluginValidator.builder().build();
        whileSwapping(() -> {
            Files.move(handler, parked, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fifo, handler, StandardCopyOption.ATOMIC_MOVE);
            Thread.yield();
            Files.move(handler, fifo, StandardCopyOption.ATOMIC_MOVE);
            Files.move(parked, handler, StandardCopyOption.ATOMIC_MOVE);
        }, () -> {
            for (int i = 0; i < 100; i++) {
                List<Diagnostic> diagnostics = validator.validateDirectory(plugin).diagnostics();
                assertThat(diagnostics).noneMatch(d -> d.rule().equals(Rules.VALIDATION_INCOMPLETE));
            }
        });
        assertThat(regular).exists();
    }
}
