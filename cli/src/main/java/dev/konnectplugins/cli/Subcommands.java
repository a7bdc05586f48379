package dev.konnectplugins.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The subcommands, each made (and its class loaded) only when the command line needs it. Picocli reads every
 * subcommand's annotations by reflection when it is added, and each pulls in the classes its fields and methods name
 * (the client, sync, the validator): for {@code konnect-plugins validate x/} only {@code validate} is added, and the
 * others are added only where they are shown or matched (help, completion, a mistyped command).
 */
final class Subcommands {
    /** Every subcommand's name, in the order {@code --help} lists them. */
    static final List<String> NAMES = List.of("validate", "plan", "sync", "pull", "list", "get", "delete",
            "generate-completion");
    /** The names and aliases of the subcommands that run alone (generate-completion describes the whole tree). */
    static final List<String> ALONE = List.of("validate", "plan", "diff", "sync", "pull", "list", "get", "delete");

    /** The names and aliases of the subcommands that validate plugins. */
    private static final List<String> VALIDATING = List.of("validate", "plan", "diff", "sync");

    private Subcommands() {
    }

    /** Whether {@code args} run a subcommand that validates plugins. */
    static boolean validates(String[] args) {
        return args.length > 0 && VALIDATING.contains(args[0]);
    }

    /**
     * Adds to {@code root} what {@code args} need: the one subcommand named by the first argument, else all of them
     * (the root's own options, such as {@code --help}, and a mistyped name see the full list).
     */
    static CommandLine addNeeded(CommandLine root, String[] args) {
        if (args.length > 0 && ALONE.contains(args[0])) {
            root.addSubcommand(create(args[0]));
            return root;
        }
        return addAll(root);
    }

    /** Adds every subcommand, as {@code --help} lists them. */
    static CommandLine addAll(CommandLine root) {
        for (String name : NAMES) {
            root.addSubcommand(create(name));
        }
        return root;
    }

    /** A new instance of the subcommand with this name or alias. */
    static Object create(String name) {
        switch (name) {
            case "validate":
                return new ValidateCommand();
            case "plan":
            case "diff":
                return new PlanCommand();
            case "sync":
                return new SyncCommand();
            case "pull":
                return new PullCommand();
            case "list":
                return new ListCommand();
            case "get":
                return new GetCommand();
            case "delete":
                return new DeleteCommand();
            case "generate-completion":
                return new AutoComplete.GenerateCompletion();
            default:
                throw new IllegalArgumentException("no subcommand '" + name + "'");
        }
    }
}
