package dev.konnectplugins.cli;

import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the root's environment and streams. */
abstract class Subcommand {
    @ParentCommand
    KonnectPluginsCommand root;

    Map<String, String> environment() {
        return root.environment();
    }

    PrintStream out() {
        return root.out();
    }

    PrintStream err() {
        return root.err();
    }
}
