package dev.konnectplugins.maven;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.internal.sync.PluginFolders;
import dev.konnectplugins.validation.PluginValidator;
import dev.konnectplugins.validation.ValidationResult;
import dev.konnectplugins.validation.report.CheckedPlugin;
import dev.konnectplugins.validation.report.DiagnosticText;
import dev.konnectplugins.validation.report.ReportFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates every Kong plugin of the plugins directory offline, as Konnect's upload checks and Kong's plugin sandbox
 * would: no token, no network. Errors fail the build, each logged as {@code file:line:column: [rule] message};
 * warnings are logged as warnings. Writes a SARIF 2.1.0 report for code-scanning tools. Bound to {@code verify}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractKonnectPluginsMojo {
    /** Fails the build on warnings too. */
    @Parameter(property = "konnect-plugins.failOnWarnings", defaultValue = "false")
    private boolean failOnWarnings;

    /** The per-file size limit in bytes; default Konnect's, 102400 (100 KB). */
    @Parameter(property = "konnect-plugins.maxFileSize")
    private Long maxFileSize;

    /** Where the SARIF 2.1.0 report goes. */
    @Parameter(property = "konnect-plugins.sarifFile",
            defaultValue = "${project.build.directory}/konnect-plugins/validation.sarif")
    private File sarifFile;

    /** The report's file locations are relative to this directory (where Maven was started, usually the repository). */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    private File executionRootDirectory;

    /** Creates the goal; Maven sets its parameters. */
    public ValidateMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Path folder = pluginsDirectory();
        if (!Files.exists(folder)) {
            getLog().info("No Kong plugins to validate: " + folder + " does not exist");
            return;
        }
        List<ValidationResult> results = validate(findPlugins(folder));
        results.forEach(result -> logFindings(Path.of(result.path()), result.diagnostics()));
        Path report = writeFile(sarifFile.toPath(), ReportFormat.SARIF.render(results.stream()
                .map(this::forReport).toList()));
        List<Diagnostic> all = results.stream().flatMap(result -> result.diagnostics().stream()).toList();
        long errors = all.stream().filter(Diagnostic::isError).count();
        long warnings = all.size() - errors;
        long invalid = results.stream().filter(result -> !result.valid()).count();
        getLog().info("Validated " + plural(results.size(), "Kong plugin") + ": "
                + (invalid == 0 ? "all valid" : invalid + " invalid") + " (" + plural(errors, "error") + ", "
                + plural(warnings, "warning") + "). SARIF report: " + report);
        if (invalid > 0) {
            throw new MojoFailureException(plural(invalid, "Kong plugin") + " invalid:\n" + results.stream()
                    .flatMap(result -> result.errors().stream()
                            .map(error -> DiagnosticText.line(result.path(), error)))
                    .collect(Collectors.joining("\n")));
        }
        if (failOnWarnings && warnings > 0) {
            throw new MojoFailureException(plural(warnings, "warning") + " and failOnWarnings is set; they are "
                    + "listed above");
        }
    }

    private static List<Path> findPlugins(Path folder) throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        List<Path> plugins = PluginFolders.find(folder, problems);
        if (plugins.isEmpty() && problems.isEmpty()) {
            problems.add(folder + ": no plugins found: expected handler.lua and schema.lua in this folder, in its "
                    + "sub-folders, or under kong/plugins/<name>/");
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("; ", problems));
        }
        return plugins;
    }

    private List<ValidationResult> validate(List<Path> plugins) throws MojoFailureException {
        PluginValidator.Builder builder = PluginValidator.builder();
        if (maxFileSize != null) {
            if (maxFileSize <= 0) {
                throw new MojoFailureException("maxFileSize must be a positive number of bytes, got " + maxFileSize);
            }
            builder.maxFileSize(maxFileSize);
        }
        PluginValidator validator = builder.build();
        return plugins.stream().map(plugin -> validator.validateDirectory(plugin.toAbsolutePath())).toList();
    }

    /** The result with its folder relative to where Maven was started, as code-scanning tools expect. */
    private CheckedPlugin forReport(ValidationResult result) {
        Path folder = Path.of(result.path());
        Path root = executionRootDirectory == null ? null : executionRootDirectory.toPath().toAbsolutePath();
        String location = root != null && folder.startsWith(root) ? root.relativize(folder).toString()
                : folder.toString();
        return new CheckedPlugin(location.replace(File.separatorChar, '/'), result);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
