package dev.konnectplugins.sync;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.Stage;
import dev.konnectplugins.validation.report.DiagnosticText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * At least one plugin of the desired state is invalid, so nothing was planned or written. Lists every plugin's
 * findings together, errors and warnings, so all can be fixed in one go.
 */
public class SyncValidationException extends KonnectException {
    private static final long serialVersionUID = 1L;

    /** Every finding, by plugin name. */
    private final Map<String, List<Diagnostic>> diagnostics;

    /**
     * Reports the findings of every invalid plugin at once.
     *
     * @param diagnostics every finding, by plugin name; copied
     */
    public SyncValidationException(Map<String, List<Diagnostic>> diagnostics) {
        super(message(diagnostics));
        Map<String, List<Diagnostic>> copy = new LinkedHashMap<>();
        diagnostics.forEach((name, found) -> copy.put(name, List.copyOf(found)));
        this.diagnostics = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Every finding, by plugin name (plugins without findings are absent).
     *
     * @return the findings, unmodifiable, by plugin name
     */
    public Map<String, List<Diagnostic>> diagnostics() {
        return diagnostics;
    }

    /**
     * The names of the plugins with at least one error.
     *
     * @return the names, in the map's order
     */
    public List<String> invalidPlugins() {
        return diagnostics.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(Diagnostic::isError))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Every plugin's errors, grouped by what they mean for it: "Konnect would refuse this upload", "a data plane
     * would fail to load this plugin" or "a data plane would fail at run time".
     */
    private static String message(Map<String, List<Diagnostic>> diagnostics) {
        List<String> lines = new ArrayList<>();
        diagnostics.forEach((name, found) -> {
            for (Stage stage : Stage.values()) {
                List<Diagnostic> atStage = found.stream().filter(d -> d.isError() && d.stage() == stage).toList();
                if (!atStage.isEmpty()) {
                    lines.add(name + ": " + stage.consequence() + ":");
                    // escaped as validate prints it: a message quoting the plugin stays on its line
                    atStage.forEach(diagnostic -> lines.add("  " + DiagnosticText.line("", diagnostic)));
                }
            }
        });
        long errors = diagnostics.values().stream().flatMap(List::stream).filter(Diagnostic::isError).count();
        return errors + " error" + (errors == 1 ? "" : "s") + " in the desired state; nothing was "
                + "written:\n  " + String.join("\n  ", lines);
    }
}
