package dev.konnectplugins.validation.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsed arguments: {@code [--name NAME] [--format text|json|sarif|github] [--max-file-size BYTES] DIR...}.
 * Options also take the {@code --option=value} form.
 */
record CommandLine(String name, OutputFormat format, Long maxFileSize, List<String> directories, boolean help) {
    static final String USAGE = """
            Usage: konnect-plugins-validate [--name NAME] [--format text|json|sarif|github] [--max-file-size BYTES] DIR...

            Checks Kong custom plugins before they are uploaded to Konnect: the files, LuaJIT syntax, names,
            handler and schema shapes, and every timer, global and module the code reaches in Kong's sandbox.
            DIR is a plugin directory (handler.lua and schema.lua) or a repository with kong/plugins/<name>/.

              --name NAME            upload name (default: the directory's name)
              --format FORMAT        text (default), json, sarif (SARIF 2.1.0) or github (Actions annotations)
              --max-file-size BYTES  per-file size limit (default: 102400, Konnect's 100 KB)
              -h, --help             show this help

            Exit status: 0 every plugin is valid, 1 at least one is not, 2 bad usage, unreadable input or an
            internal failure.
            """;

    /** Thrown for bad usage; its message says what is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final List<String> VALUED_OPTIONS = List.of("--name", "--format", "--max-file-size");

    static CommandLine parse(String[] args) throws UsageException {
        String name = null;
        OutputFormat format = OutputFormat.TEXT;
        Long maxFileSize = null;
        List<String> directories = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                directories.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return new CommandLine(null, format, null, List.of(), true);
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!VALUED_OPTIONS.contains(option)) {
                throw new UsageException("unknown option " + option);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + option + " needs a value");
            }
            switch (option) {
                case "--name" -> name = requireNonEmpty(option, value);
                case "--format" -> {
                    format = OutputFormat.named(value);
                    if (format == null) {
                        throw new UsageException("unknown format '" + value + "' (text, json, sarif or github)");
                    }
                }
                case "--max-file-size" -> maxFileSize = parseSize(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (directories.isEmpty()) {
            throw new UsageException("no plugin directory given");
        }
        return new CommandLine(name, format, maxFileSize, List.copyOf(directories), false);
    }

    private static String requireNonEmpty(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("option " + option + " needs a non-empty value");
        }
        return value;
    }

    private static long parseSize(String value) throws UsageException {
        try {
            long size = Long.parseLong(value.trim());
            if (size <= 0) {
                throw new UsageException("--max-file-size must be a positive number of bytes, got " + value);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-file-size must be a number of bytes, got '" + value + "'");
        }
    }
}
