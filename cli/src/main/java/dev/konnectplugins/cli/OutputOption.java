package dev.konnectplugins.cli;

import picocli.CommandLine.Option;

/** The {@code --output} option every Konnect subcommand shares, as a picocli mixin. */
final class OutputOption {
    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }
}
