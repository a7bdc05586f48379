package dev.konnectplugins.validation.report;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.validation.Rules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats of {@code konnect-plugins validate --output}. Each renders every checked plugin at once, ending
 * with a newline. Plugin text (messages,
 * file and folder names) is escaped as each format requires: one diagnostic is always one line of text or one
 * workflow command, whatever it quotes.
 */
public enum ReportFormat {
    /**
     * luacheck/ESLint lines with the stage, {@code dir/handler.lua:9:19: error [sandbox.timer] (run time) message},
     * then a summary. No line
     * starts with {@code ::}, which GitHub Actions would take as a workflow command.
     */
    TEXT {
        @Override
        public String render(List<CheckedPlugin> plugins) {
            StringBuilder out = new StringBuilder();
            int errors = 0;
            int warnings = 0;
            int invalid = 0;
            for (CheckedPlugin plugin : plugins) {
                for (Diagnostic d : plugin.result().diagnostics()) {
                    out.append(DiagnosticText.line(plugin.path(), d)).append('\n');
                    if (d.isError()) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
                invalid += plugin.result().valid() ? 0 : 1;
            }
            out.append(plugins.size()).append(plugins.size() == 1 ? " plugin" : " plugins").append(" checked: ")
                    .append(invalid == 0 ? "all valid" : invalid + " invalid").append(" (").append(errors)
                    .append(errors == 1 ? " error, " : " errors, ").append(warnings)
                    .append(warnings == 1 ? " warning)" : " warnings)").append('\n');
            return out.toString();
        }

    },

    /** {@code {"plugins":[{"path":...,"name":...,"valid":...,"diagnostics":[{...}]}]}} on one line. */
    JSON {
        @Override
        public String render(List<CheckedPlugin> plugins) {
            StringBuilder out = new StringBuilder("{\"plugins\":[");
            for (int i = 0; i < plugins.size(); i++) {
                CheckedPlugin plugin = plugins.get(i);
                out.append(i == 0 ? "" : ",").append("{\"path\":").append(Json.quote(plugin.path()))
                        .append(",\"name\":").append(Json.quote(plugin.result().name()))
                        .append(",\"valid\":").append(plugin.result().valid())
                        .append(",\"diagnostics\":[");
                List<Diagnostic> diagnostics = plugin.result().diagnostics();
                for (int j = 0; j < diagnostics.size(); j++) {
                    Diagnostic d = diagnostics.get(j);
                    out.append(j == 0 ? "" : ",").append(DiagnosticText.json(d));
                }
                out.append("]}");
            }
            return out.append("]}\n").toString();
        }
    },

    /** GitHub Actions workflow commands, {@code ::error file=...,line=...,col=...,title=rule (stage)::message}. */
    GITHUB {
        @Override
        public String render(List<CheckedPlugin> plugins) {
            StringBuilder out = new StringBuilder();
            for (CheckedPlugin plugin : plugins) {
                for (Diagnostic d : plugin.result().diagnostics()) {
                    out.append("::").append(d.severity().label()).append(" file=")
                            .append(property(plugin.fileLocation(d.file())));
                    if (d.line() > 0) {
                        out.append(",line=").append(d.line());
                        if (d.column() > 0) {
                            out.append(",col=").append(d.column());
                        }
                    }
                    out.append(",title=").append(property(d.rule() + " (" + d.stage().label() + ")")).append("::")
                            .append(data("[" + d.rule() + "] (" + d.stage().label() + ") " + d.message()))
                            .append('\n');
                }
            }
            return out.toString();
        }

        /** GitHub's escaping of a command's message; other control characters become visible escapes. */
        private String data(String s) {
            return Printable.escapeKeepingLineBreaks(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        }

        /** GitHub's escaping of a command's property value. */
        private String property(String s) {
            return data(s).replace(":", "%3A").replace(",", "%2C");
        }
    },

    /** SARIF 2.1.0, for GitHub code scanning and other SARIF consumers. */
    SARIF {
        @Override
        public String render(List<CheckedPlugin> plugins) {
            StringBuilder out = new StringBuilder("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",")
                    .append("\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{")
                    .append("\"name\":\"konnect-plugins\",")
                    .append("\"informationUri\":\"https://github.com/konnect-plugins/konnect-plugins-java\",")
                    .append("\"rules\":[");
            for (int i = 0; i < Rules.ALL.size(); i++) {
                Rules.Rule rule = Rules.ALL.get(i);
                out.append(i == 0 ? "" : ",").append("{\"id\":").append(Json.quote(rule.id()))
                        .append(",\"shortDescription\":{\"text\":").append(Json.quote(rule.summary())).append("}}");
            }
            out.append("]}},\"results\":[");
            boolean first = true;
            for (CheckedPlugin plugin : plugins) {
                for (Diagnostic d : plugin.result().diagnostics()) {
                    out.append(first ? "" : ",");
                    first = false;
                    result(out, plugin, d);
                }
            }
            return out.append("]}]}\n").toString();
        }

        private void result(StringBuilder out, CheckedPlugin plugin, Diagnostic d) {
            out.append("{\"ruleId\":").append(Json.quote(d.rule()))
                    .append(",\"level\":").append(Json.quote(d.isError() ? "error" : "warning"))
                    .append(",\"message\":{\"text\":").append(Json.quote(d.message())).append('}')
                    .append(",\"properties\":{\"stage\":").append(Json.quote(d.stage().id())).append('}')
                    .append(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
                    .append(Json.quote(plugin.fileLocation(d.file()))).append('}');
            if (d.line() > 0) {
                out.append(",\"region\":{\"startLine\":").append(d.line());
                if (d.column() > 0) {
                    out.append(",\"startColumn\":").append(d.column());
                }
                out.append('}');
            }
            out.append("}}]}");
        }
    };

    /**
     * Renders every checked plugin at once.
     *
     * @param plugins the plugins, in the order to show them
     * @return the report, ending with a newline (empty for {@link #GITHUB} when there is no finding)
     */
    public abstract String render(List<CheckedPlugin> plugins);

    /**
     * The name a command line uses for this format: {@code text}, {@code json}, {@code sarif} or {@code github}.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format with this {@link #label()}.
     *
     * @param label such as {@code json}
     * @return the format, or empty when none has this label
     */
    public static Optional<ReportFormat> named(String label) {
        return Arrays.stream(values()).filter(format -> format.label().equals(label)).findFirst();
    }
}
