package dev.konnectplugins.benchmarks;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm validation time (issue #3 targets: a typical plugin under 5 ms, a 100 KB handler under 30 ms).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ValidationBenchmark}.
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
}
