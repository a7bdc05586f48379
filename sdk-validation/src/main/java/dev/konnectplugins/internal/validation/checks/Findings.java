package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Severity;
import dev.konnectplugins.Stage;
import dev.konnectplugins.internal.validation.lua.PluginText;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.validation.Rules;
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

    /** Adds an error, at its rule's usual stage. */
    public void error(String rule, String file, SourcePosition at, String message) {
        add(new Diagnostic(rule, Severity.ERROR, Rules.usualStage(rule), file, Math.max(0, at.line()),
                Math.max(0, at.column()), message));
    }

    /** Adds a warning, at its rule's usual stage. */
    public void warning(String rule, String file, SourcePosition at, String message) {
        add(new Diagnostic(rule, Severity.WARNING, Rules.usualStage(rule), file, Math.max(0, at.line()),
                Math.max(0, at.column()), message));
    }

    /**
     * Moves this file's upload-stage reads of a member the sandbox lacks to run time: once the file's top level has
     * run to its end in the sandbox, reading the nil there (a member captured in a table, say) did not fail the
     * upload, so only a phase that uses it can fail. (Writes, timers and requires stay: the validator's sandbox does
     * not refuse all of them as Kong's does.)
     */
    public void absentMemberReadsRunLater(String file) {
        byKey.replaceAll((key, d) -> d.file().equals(file) && d.stage() == Stage.UPLOAD
                && d.rule().equals(Rules.SANDBOX_GLOBAL)
                && d.message().contains(SandboxGlobalsCheck.ABSENT_MEMBER_WORDS)
                ? d.withStage(Stage.RUNTIME) : d);
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

    /** Whether an error that Konnect would refuse at upload was found in this file. */
    public boolean hasUploadError(String file) {
        return byKey.values().stream().anyMatch(d -> d.isError() && d.stage() == Stage.UPLOAD && d.file().equals(file));
    }

    /** Whether an upload error was found on this line of this file (the same failure, already named). */
    public boolean hasUploadErrorAt(String file, int line) {
        return byKey.values().stream().anyMatch(d -> d.isError() && d.stage() == Stage.UPLOAD && d.file().equals(file)
                && d.line() == line);
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
