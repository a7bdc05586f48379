package dev.konnectplugins.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The desired state cannot be read: no plugins in the folder, a sub-folder with only one of its two files, an
 * unreadable file, duplicate names. Nothing was planned or written. The
 * message lists every problem, each naming its folder or file.
 */
public class DesiredStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    /** Each problem, a sentence naming its folder or file. */
    private final List<String> problems;

    /**
     * Reports every problem of a desired state at once.
     *
     * @param folder the folder that was read, or null for plugins given in memory
     * @param problems each problem, a sentence naming its folder or file; copied
     */
    public DesiredStateException(Path folder, List<String> problems) {
        super(message(folder, problems));
        this.folder = folder;
        this.problems = List.copyOf(problems);
    }

    /** {@return the folder the desired state was read from; empty for plugins given in memory} */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * Each problem, one sentence naming its folder or file.
     *
     * @return the problems, unmodifiable, in the order they were found
     */
    public List<String> problems() {
        return problems;
    }

    /** Each problem already names its folder or file, so one problem is the message as it is. */
    private static String message(Path folder, List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        String where = folder == null ? "The plugins given" : folder.toString();
        return where + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems);
    }
}
