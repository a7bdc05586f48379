package dev.konnectplugins.internal.validation.analysis;

/** A function defined in the file, and whether calling it creates a timer (directly or through another wrapper). */
public final class FunctionInfo {
    private final String name;
    private final int line;
    private String timerSource;

    FunctionInfo(String name, int line) {
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    boolean createsTimer() {
        return timerSource != null;
    }

    String timerSource() {
        return timerSource;
    }

    void createsTimer(String source) {
        if (timerSource == null) {
            timerSource = source;
        }
    }
}
