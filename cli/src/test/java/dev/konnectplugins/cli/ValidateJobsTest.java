package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate checks plugins in parallel: whatever --jobs, the same report, in the same order, with the same exit. */
class ValidateJobsTest {
    @TempDir
    Path work;

    @Test
    void everyFormatIsTheSameWithOneJobAndWithMany() throws IOException {
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "plugin-" + (char) ('a' + i);
            names.add(name);
            Path plugin = SamplePlugins.write(i % 2 == 0 ? first : second, name, "X-" + i);
            switch (i % 4) {
                case 1 -> Files.writeString(plugin.resolve("handler.lua"), "local H = { PRIORITY = 1, VERSION = "
                        + "\"1.0.0\" }\nfunction H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");
                case 2 -> Files.writeString(plugin.resolve("schema.lua"), SamplePlugins.schema("other-" + i));
                case 3 -> Files.writeString(plugin.resolve("handler.lua"), "return { PRIORITY = 1,\n");
                default -> {
                }
            }
        }

        for (String format : List.of("text", "json", "sarif", "github")) {
            Run sequential = validate("--jobs", "1", "--output", format, first.toString(), second.toString());
            Run parallel = validate("--jobs", "4", "--output", format, first.toString(), second.toString());
            Run byDefault = validate("--output", format, first.toString(), second.toString());

            assertThat(sequential.exitCode()).as(sequential.toString()).isEqualTo(ExitCode.ERROR);
            assertThat(sequential.out()).contains("sandbox.timer", "name.mismatch", "lua.syntax");
            List<Integer> positions = positions(sequential.out(), names);
            assertThat(positions).as("the plugins in the order of the folders given").isSorted();
            if (format.equals("json")) {
                assertThat(positions).as("json lists every plugin").hasSize(names.size());
            }
            assertThat(parallel).isEqualTo(sequential);
            assertThat(byDefault).isEqualTo(sequential);
        }
    }

    @Test
    void jobsMustBePositive() {
        Run zero = validate("--jobs", "0", work.toString());
        assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).startsWith("konnect-plugins validate: --jobs must be a positive number, got 0");
    }

    /** Where each plugin is first named in the report: the first folder's plugins, then the second's. */
    private static List<Integer> positions(String out, List<String> names) {
        List<String> order = new ArrayList<>();
        names.stream().filter(name -> name.charAt(name.length() - 1) % 2 == 'a' % 2).forEach(order::add);
        names.stream().filter(name -> name.charAt(name.length() - 1) % 2 != 'a' % 2).forEach(order::add);
        return order.stream().map(name -> out.indexOf("/" + name)).filter(index -> index >= 0).toList();
    }

    private static Run validate(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "validate";
        System.arraycopy(args, 0, command, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(command, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
