package dev.konnectplugins.maven;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.validation.report.DiagnosticText;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal shares: the plugins folder, skip, and reporting findings in Maven's error format. */
abstract class AbstractKonnectPluginsMojo extends AbstractMojo {
    /**
     * The Kong plugins: one plugin per sub-folder ({@code <name>/handler.lua} and {@code schema.lua}), a single plugin
     * folder, or Kong's template layout {@code kong/plugins/<name>/}. Each plugin is uploaded under its folder's name.
     */
    @Parameter(property = "konnect-plugins.pluginsDirectory", defaultValue = "${project.basedir}/src/main/kong-plugins")
    private File pluginsDirectory;

    /** Skips the goal. */
    @Parameter(property = "konnect-plugins.skip", defaultValue = "false")
    private boolean skip;

    /** The build directory, where the reports go (under {@code konnect-plugins/}). */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    Path pluginsDirectory() {
        return pluginsDirectory.toPath();
    }

    /** Whether to skip, saying so when skipping. */
    boolean skipped() {
        if (skip) {
            getLog().info("Skipping: konnect-plugins.skip is set");
        }
        return skip;
    }

    /** Logs findings the way Maven logs compiler problems: errors at ERROR, warnings at WARNING. */
    void logFindings(Path pluginFolder, Collection<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            String line = DiagnosticText.line(pluginFolder.toString(), diagnostic);
            if (diagnostic.isError()) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
    }

    /** Writes a report under {@code target/konnect-plugins/}; answers the file written. */
    Path writeReport(String fileName, String content) throws MojoExecutionException {
        return writeFile(buildDirectory.toPath().resolve("konnect-plugins").resolve(fileName), content);
    }

    static Path writeFile(Path file, String content) throws MojoExecutionException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Logs a multi-line text (a plan, a result) at INFO, line by line, as Maven's log is line-based. */
    void logText(String text) {
        List.of(text.split("\n", -1)).stream().filter(line -> !line.isEmpty() || text.isEmpty())
                .forEach(line -> getLog().info(line));
    }
}
