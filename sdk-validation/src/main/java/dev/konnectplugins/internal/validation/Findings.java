package dev.konnectplugins.internal.validation;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects diagnostics, keeps one per rule and position (an alias and its use can lead to the same finding twice),
 * and returns them in a deterministic order: by file, line, column, rule.
 */
public final class Findings {
    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::message);

    private final Map<String, Diagnostic> byKey = new LinkedHashMap<>();

    /** Adds an error. */
    public void error(String rule, String file, int line, int column, String message) {
        add(new Diagnostic(rule, Severity.ERROR, file, Math.max(0, line), Math.max(0, column), message));
    }

    /** Adds a warning. */
    public void warning(String rule, String file, int line, int column, String message) {
        add(new Diagnostic(rule, Severity.WARNING, file, Math.max(0, line), Math.max(0, column), message));
    }

    /**
     * Adds a finding unless one with the same rule and position exists; an error replaces a warning. A message over
     * {@link PluginText#MESSAGE_LIMIT} characters (one quoting a plugin's huge text) is cut.
     */
    public void add(Diagnostic diagnostic) {
        if (diagnostic.message().length() > PluginText.MESSAGE_LIMIT) {
            diagnostic = new Diagnostic(diagnostic.rule(), diagnostic.severity(), diagnostic.file(), diagnostic.line(),
                    diagnostic.column(), PluginText.cut(diagnostic.message(), PluginText.MESSAGE_LIMIT));
        }
        String key = diagnostic.rule() + '\0' + diagnostic.file() + '\0' + diagnostic.line() + '\0' + diagnostic.column();
        Diagnostic existing = byKey.get(key);
        if (existing == null || (!existing.isError() && diagnostic.isError())) {
            byKey.put(key, diagnostic);
        }
    }

    /** Whether an error of this rule was found in this file. */
    public boolean hasError(String rule, String file) {
        return byKey.values().stream().anyMatch(d -> d.isError() && d.rule().equals(rule) && d.file().equals(file));
    }

    /** Whether any error was found in this file. */
    public boolean hasAnyError(String file) {
        return byKey.values().stream().anyMatch(d -> d.isError() && d.file().equals(file));
    }

    /** Every finding in deterministic order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> all = new ArrayList<>(byKey.values());
        all.sort(ORDER);
        return List.copyOf(all);
    }
}
