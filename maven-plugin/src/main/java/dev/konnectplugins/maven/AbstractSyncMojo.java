package dev.konnectplugins.maven;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.DesiredStateException;
import dev.konnectplugins.sync.PlannedChange;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncOptions;
import dev.konnectplugins.sync.SyncPlan;
import dev.konnectplugins.sync.SyncValidationException;
import dev.konnectplugins.validation.report.DiagnosticText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The options plan and sync share, as the CLI's {@code plan} and {@code sync} take them. */
abstract class AbstractSyncMojo extends AbstractConnectedMojo {
    /** Deletes managed plugins that are not in the plugins directory (never one in use). */
    @Parameter(property = "konnect-plugins.prune", defaultValue = "false")
    private boolean prune;

    /** Updates plugins that lack the managed tag (made by hand or by another tool). */
    @Parameter(property = "konnect-plugins.adopt", defaultValue = "false")
    private boolean adopt;

    /** The tag that marks the plugins this tool owns. */
    @Parameter(property = "konnect-plugins.managedTag", defaultValue = SyncOptions.DEFAULT_MANAGED_TAG)
    private String managedTag;

    /** Extra tags for every plugin written. */
    @Parameter(property = "konnect-plugins.tags")
    private List<String> tags;

    /** Control planes handled at the same time. */
    @Parameter(property = "konnect-plugins.parallelism", defaultValue = "4")
    private int parallelism;

    /** Lines of each file's diff shown before "diff truncated". */
    @Parameter(property = "konnect-plugins.diffLines", defaultValue = "200")
    private int diffLines;

    /**
     * Reads the plugins directory and the control planes, connects, and hands them to the goal; a refused desired
     * state fails the build with every finding, as nothing was written.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        DesiredState desired = desiredState();
        List<String> controlPlanes = controlPlanes();
        try (Konnect konnect = connect()) {
            run(PluginSync.of(konnect), controlPlanes, desired);
        } catch (SyncValidationException e) {
            throw invalid(desired, e);
        }
    }

    /** The goal's work: plan or sync {@code desired} to the control planes, and report. */
    abstract void run(PluginSync sync, List<String> controlPlanes, DesiredState desired)
            throws MojoExecutionException, MojoFailureException;

    SyncOptions.Builder options() throws MojoExecutionException {
        try {
            return SyncOptions.builder().prune(prune).adopt(adopt).managedTag(managedTag)
                    .tags(tags == null ? List.of() : tags).parallelism(parallelism).diffLineLimit(diffLines);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The plugins directory read as sync reads it. */
    private DesiredState desiredState() throws MojoFailureException {
        try {
            return DesiredState.fromFolder(pluginsDirectory());
        } catch (DesiredStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Logs every finding in Maven's format and answers the failure that stops the build. */
    private MojoFailureException invalid(DesiredState desired, SyncValidationException e) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<Diagnostic>> plugin : e.diagnostics().entrySet()) {
            Path folder = folder(desired, plugin.getKey());
            logFindings(folder, plugin.getValue());
            plugin.getValue().stream().filter(Diagnostic::isError)
                    .forEach(error -> errors.add(DiagnosticText.line(folder.toString(), error)));
        }
        return new MojoFailureException(errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + " in the Kong plugins; nothing was written:\n" + String.join("\n", errors), e);
    }

    /** Logs the plans' validation warnings once each, at WARNING. */
    void logWarnings(DesiredState desired, List<SyncPlan> plans) {
        Set<String> lines = new LinkedHashSet<>();
        for (SyncPlan plan : plans) {
            for (PlannedChange change : plan.changes()) {
                Path folder = folder(desired, change.name());
                change.warnings().forEach(warning -> lines.add(DiagnosticText.line(folder.toString(), warning)));
            }
        }
        lines.forEach(line -> getLog().warn(line));
    }

    /** One JSON array of the items, as the CLI's {@code --output json} prints it. */
    static String jsonArray(List<String> items) {
        return "[\n" + items.stream().map(String::strip).collect(Collectors.joining(",\n")) + "\n]\n";
    }

    private Path folder(DesiredState desired, String name) {
        return desired.plugin(name).flatMap(PluginSource::directory).orElse(pluginsDirectory().resolve(name));
    }
}
