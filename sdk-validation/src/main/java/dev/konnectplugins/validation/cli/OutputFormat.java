package dev.konnectplugins.validation.cli;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.validation.Rules;
import java.util.List;
import java.util.Locale;

/**
 * The CLI's report formats. Each renders every checked plugin at once, ending with a newline. Plugin text (messages,
 * file and folder names) is escaped as each format requires: one diagnostic is always one line of text or one
 * workflow command, whatever it quotes.
 */
enum OutputFormat {
    /**
     * luacheck/ESLint lines with the stage, {@code dir/handler.lua:9:19: error [sandbox.timer] (run time) message},
     * then a summary. No line
     * starts with {@code ::}, which GitHub Actions would take as a workflow command.
     */
    TEXT {
        @Override
        String render(List<Checked> plugins) {
            StringBuilder out = new StringBuilder();
            int errors = 0;
            int warnings = 0;
            int invalid = 0;
            for (Checked plugin : plugins) {
                for (Diagnostic d : plugin.result().diagnostics()) {
                    out.append(new Diagnostic(d.rule(), d.severity(), d.stage(), location(plugin, d), d.line(),
                            d.column(), Printable.escape(d.message()))).append('\n');
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

        private String location(Checked plugin, Diagnostic d) {
            String location = Printable.escape(plugin.fileLocation(d.file()));
            return location.startsWith("::") ? "./" + location : location;
        }
    },

    /** {@code {"plugins":[{"path":...,"name":...,"valid":...,"diagnostics":[{...}]}]}} on one line. */
    JSON {
        @Override
        String render(List<Checked> plugins) {
            StringBuilder out = new StringBuilder("{\"plugins\":[");
            for (int i = 0; i < plugins.size(); i++) {
                Checked plugin = plugins.get(i);
                out.append(i == 0 ? "" : ",").append("{\"path\":").append(Json.quote(plugin.path()))
                        .append(",\"name\":").append(Json.quote(plugin.result().name()))
                        .append(",\"valid\":").append(plugin.result().valid())
                        .append(",\"diagnostics\":[");
                List<Diagnostic> diagnostics = plugin.result().diagnostics();
                for (int j = 0; j < diagnostics.size(); j++) {
                    Diagnostic d = diagnostics.get(j);
                    out.append(j == 0 ? "" : ",").append("{\"rule\":").append(Json.quote(d.rule()))
                            .append(",\"severity\":").append(Json.quote(d.severity().label()))
                            .append(",\"stage\":").append(Json.quote(d.stage().id()))
                            .append(",\"file\":").append(Json.quote(d.file()))
                            .append(",\"line\":").append(d.line())
                            .append(",\"column\":").append(d.column())
                            .append(",\"message\":").append(Json.quote(d.message())).append('}');
                }
                out.append("]}");
            }
            return out.append("]}\n").toString();
        }
    },

    /** GitHub Actions workflow commands, {@code ::error file=...,line=...,col=...,title=rule (stage)::message}. */
    GITHUB {
        @Override
        String render(List<Checked> plugins) {
            StringBuilder out = new StringBuilder();
            for (Checked plugin : plugins) {
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
        String render(List<Checked> plugins) {
            StringBuilder out = new StringBuilder("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",")
                    .append("\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{")
                    .append("\"name\":\"konnect-plugins-validate\",")
                    .append("\"informationUri\":\"https://github.com/konnect-plugins/konnect-plugins-java\",")
                    .append("\"rules\":[");
            for (int i = 0; i < Rules.ALL.size(); i++) {
                Rules.Rule rule = Rules.ALL.get(i);
                out.append(i == 0 ? "" : ",").append("{\"id\":").append(Json.quote(rule.id()))
                        .append(",\"shortDescription\":{\"text\":").append(Json.quote(rule.summary())).append("}}");
            }
            out.append("]}},\"results\":[");
            boolean first = true;
            for (Checked plugin : plugins) {
                for (Diagnostic d : plugin.result().diagnostics()) {
                    out.append(first ? "" : ",");
                    first = false;
                    result(out, plugin, d);
                }
            }
            return out.append("]}]}\n").toString();
        }

        private void result(StringBuilder out, Checked plugin, Diagnostic d) {
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

    abstract String render(List<Checked> plugins);

    /** The format named on the command line, or null. */
    static OutputFormat named(String name) {
        for (OutputFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                return format;
            }
        }
        return null;
    }
}
