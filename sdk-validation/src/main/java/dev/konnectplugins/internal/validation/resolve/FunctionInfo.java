package dev.konnectplugins.internal.validation.resolve;

/**
 * A function defined in the file: its name as written (or "anonymous function", "main chunk") and the line where it
 * starts. Compared by identity: two functions of the same name are two functions.
 */
public final class FunctionInfo {
    private final String name;
    private final int line;

    public FunctionInfo(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** The name as written, such as {@code M.start} or {@code H:access}. */
    public String name() {
        return name;
    }

    /** The line of its {@code function} keyword. */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return name + " (line " + line + ")";
    }
}
