package dev.konnectplugins.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs an example through {@link ExampleKonnect#run} and keeps what it printed. */
record Output(int exitCode, List<String> out, String err) {

    static Output of(Map<String, String> env, ExampleKonnect.Example example, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ExampleKonnect.run(env, outStream, errStream, args, example);
        }
        return new Output(code, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }
}
