package dev.konnectplugins.maven;

import dev.konnectplugins.KonnectException;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.PullStatus;
import dev.konnectplugins.sync.PulledPlugin;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes each custom plugin of one control plane into the plugins directory as {@code <name>/handler.lua} and
 * {@code schema.lua}, as the CLI's {@code pull} does, so plugins made in the UI can move into the project. A local
 * plugin whose files differ is kept, and fails the build, unless {@code overwrite}.
 */
@Mojo(name = "pull", threadSafe = true)
public final class PullMojo extends AbstractConnectedMojo {
    /** Replaces local files that differ from Konnect's. */
    @Parameter(property = "konnect-plugins.overwrite", defaultValue = "false")
    private boolean overwrite;

    /** Creates the goal; Maven sets its parameters. */
    public PullMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        List<String> controlPlanes = controlPlanes();
        if (controlPlanes.size() > 1) {
            throw new MojoExecutionException("pull works on one control plane; controlPlanes names "
                    + controlPlanes.size());
        }
        String controlPlane = controlPlanes.get(0);
        List<PulledPlugin> pulled;
        try (Konnect konnect = connect()) {
            pulled = PluginSync.of(konnect).pull(controlPlane, pluginsDirectory(), overwrite);
        } catch (KonnectException | UncheckedIOException e) {
            throw new MojoExecutionException(controlPlane + ": " + describe(e), e);
        }
        pulled.forEach(plugin -> getLog().info(line(plugin)));
        if (pulled.isEmpty()) {
            getLog().info("No custom plugins on " + controlPlane);
        }
        List<PulledPlugin> kept = pulled.stream().filter(plugin -> plugin.status() == PullStatus.KEPT_LOCAL
                || plugin.status() == PullStatus.SKIPPED).toList();
        if (!kept.isEmpty()) {
            throw new MojoFailureException("kept local files: " + kept.stream()
                    .map(plugin -> plugin.name() + ": " + plugin.message()).collect(Collectors.joining("; "))
                    + ". Set overwrite (-Dkonnect-plugins.overwrite) to replace them");
        }
    }

    private static String line(PulledPlugin plugin) {
        return switch (plugin.status()) {
            case WRITTEN -> "Wrote " + plugin.folder();
            case UNCHANGED -> "Unchanged " + plugin.folder();
            case KEPT_LOCAL, SKIPPED -> "Kept " + plugin.name() + ": " + plugin.message();
        };
    }
}
