package dev.konnectplugins.validation.report;

import dev.konnectplugins.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One diagnostic as every report prints it, so that {@code konnect-plugins validate}, plan and sync cannot drift
 * apart: a luacheck-style text line, or its JSON object. The one renderer of diagnostics: the report formats, the
 * command line and sdk-sync's plans and errors all print diagnostics through it.
 */
public final class DiagnosticText {
    private DiagnosticText() {
    }

    /**
     * The luacheck/ESLint line {@code folder/handler.lua:9:19: error [sandbox.timer] (run time) message}, with the
     * stage where Kong would fail the plugin, escaped so that it
     * stays one line and never starts with {@code ::} (which GitHub Actions would take as a workflow command).
     *
     * @param pluginPath the plugin's folder as the user gave it, or its name; empty for none
     * @param diagnostic the finding
     * @return one line, without its line break
     */
    public static String line(String pluginPath, Diagnostic diagnostic) {
        String location = Printable.escape(location(pluginPath, diagnostic.file()));
        location = location.startsWith("::") ? "./" + location : location;
        return new Diagnostic(diagnostic.rule(), diagnostic.severity(), diagnostic.stage(), location, diagnostic.line(),
                diagnostic.column(), Printable.escape(diagnostic.message())).toString();
    }

    /**
     * The fields of a diagnostic's JSON object, in order: {@code rule}, {@code severity}, {@code stage}, {@code file} (relative to
     * the plugin folder), {@code line}, {@code column} (0 when not applicable) and {@code message}.
     *
     * @param diagnostic the finding
     * @return the fields by name, in their order; a new, modifiable map
     */
    public static Map<String, Object> fields(Diagnostic diagnostic) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rule", diagnostic.rule());
        fields.put("severity", diagnostic.severity().label());
        fields.put("stage", diagnostic.stage().id());
        fields.put("file", diagnostic.file());
        fields.put("line", diagnostic.line());
        fields.put("column", diagnostic.column());
        fields.put("message", diagnostic.message());
        return fields;
    }

    /**
     * The diagnostic's JSON object on one line, with the {@link #fields} in order, escaped so that it stays one line
     * and is safe on a terminal (as in {@code konnect-plugins validate --output json}).
     *
     * @param diagnostic the finding
     * @return the object, such as <code>{"rule":"sandbox.timer",...}</code>
     */
    public static String json(Diagnostic diagnostic) {
        return Json.object(fields(diagnostic));
    }

    /** {@code path/file} with one separator; the file alone when the path is empty or {@code .}. */
    static String location(String path, String file) {
        if (path.isEmpty() || path.equals(".")) {
            return file;
        }
        return path.endsWith("/") ? path + file : path + "/" + file;
    }
}
