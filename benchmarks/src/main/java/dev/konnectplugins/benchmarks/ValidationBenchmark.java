package dev.konnectplugins.benchmarks;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm validation time per plugin: Kong's template plugin, the template with a 100 KB handler, and the plugins of a
 * corpus of real ones in turn (issue #21: the 100 KB handler at most 2x the per-byte time of a typical plugin).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ValidationBenchmark -p corpus=DIR}, where DIR was made by
 * {@code benchmarks/kong-corpus.sh DIR}; without {@code -p corpus}, the corpus benchmark fails and says so.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ValidationBenchmark {
    private PluginValidator validator;
    private PluginSource typical;
    private PluginSource large;

    @Setup
    public void setUp() {
        validator = PluginValidator.builder().build();
        typical = PluginSource.of("myplugin", SamplePlugins.TEMPLATE_HANDLER, SamplePlugins.TEMPLATE_SCHEMA);
        large = PluginSource.of("myplugin", SamplePlugins.largeHandler(100 * 1024), SamplePlugins.TEMPLATE_SCHEMA);
        requireValid(validator.validate(typical));
        requireValid(validator.validate(large));
    }

    private static void requireValid(ValidationResult result) {
        if (!result.valid()) {
            throw new IllegalStateException("benchmark plugin is not valid: " + result.diagnostics());
        }
    }

    @Benchmark
    public ValidationResult typicalPlugin() {
        return validator.validate(typical);
    }

    @Benchmark
    public ValidationResult handlerOf100KB() {
        return validator.validate(large);
    }

    /** One plugin of the corpus per call, each in turn: the average is the time per plugin of the corpus. */
    @Benchmark
    public ValidationResult corpusPlugin(Corpus corpus) {
        return validator.validateDirectory(corpus.next());
    }

    /** The plugin folders under the {@code corpus} parameter, a folder of folders of plugins (kong-corpus.sh's). */
    @State(Scope.Thread)
    public static class Corpus {
        @Param("")
        public String corpus;

        private List<Path> plugins;
        private int next;

        @Setup
        public void setUp() throws IOException {
            if (corpus.isEmpty()) {
                throw new IllegalStateException("no corpus: make one with benchmarks/kong-corpus.sh DIR, then pass "
                        + "-p corpus=DIR");
            }
            plugins = new ArrayList<>();
            try (Stream<Path> folders = Files.list(Path.of(corpus))) {
                for (Path folder : folders.sorted().toList()) {
                    plugins.addAll(PluginValidator.findPlugins(folder));
                }
            }
            if (plugins.size() < 50) {
                throw new IllegalStateException("the corpus " + corpus + " has " + plugins.size() + " plugins, "
                        + "fewer than the 50 the benchmark stands for");
            }
        }

        Path next() {
            Path plugin = plugins.get(next);
            next = (next + 1) % plugins.size();
            return plugin;
        }
    }
}
