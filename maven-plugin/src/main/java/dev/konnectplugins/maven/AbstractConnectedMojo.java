package dev.konnectplugins.maven;

import dev.konnectplugins.ForbiddenException;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.internal.maven.ConnectionSettings;
import dev.konnectplugins.internal.maven.MavenSettings;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that talk to Konnect. The token is never a parameter (Maven would show it with {@code -X}, and a pom is
 * no place for it): it comes from a settings.xml {@code <server>}, else from {@code KONNECT_TOKEN}.
 */
abstract class AbstractConnectedMojo extends AbstractKonnectPluginsMojo {
    /**
     * The {@code <server>} of settings.xml whose {@code <password>} is the Konnect token (personal {@code kpat_} or
     * system-account {@code spat_}); Maven's password encryption works. Without such a server, the token is read
     * from {@code KONNECT_TOKEN}.
     */
    @Parameter(property = "konnect-plugins.serverId", defaultValue = "konnect")
    private String serverId;

    /** Konnect's region: us, eu, au, me, in or sg. Default: {@code KONNECT_REGION}, else us. */
    @Parameter(property = "konnect-plugins.region")
    private String region;

    /** Another API host, such as a fake Konnect, instead of a region's. Default: {@code KONNECT_BASE_URL}. */
    @Parameter(property = "konnect-plugins.baseUrl")
    private String baseUrl;

    /**
     * The control planes, by name or id (a comma-separated list with {@code -Dkonnect-plugins.controlPlanes}).
     * Default: {@code KONNECT_CONTROL_PLANE}.
     */
    @Parameter(property = "konnect-plugins.controlPlanes")
    private List<String> controlPlanes;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Inject
    private SettingsDecrypter settingsDecrypter;

    /** A client from the settings, the pom and the environment; close it when done. */
    Konnect connect() throws MojoExecutionException {
        try {
            MavenSettings fromSettings = new MavenSettings(settings, settingsDecrypter);
            return new ConnectionSettings(System.getenv(), fromSettings.token(serverId), baseUrl, region,
                    fromSettings.activeProxy()).connect(serverId);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The control planes to work on: the parameter's, else {@code KONNECT_CONTROL_PLANE}'s. */
    List<String> controlPlanes() throws MojoExecutionException {
        List<String> given = controlPlanes == null ? List.of()
                : controlPlanes.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        if (!given.isEmpty()) {
            return given;
        }
        String fromEnvironment = System.getenv(Konnect.CONTROL_PLANE_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new MojoExecutionException("no control plane: set <controlPlanes> in the plugin's configuration, "
                    + "-Dkonnect-plugins.controlPlanes, or KONNECT_CONTROL_PLANE");
        }
        return List.of(fromEnvironment.trim());
    }

    /** What went wrong talking to Konnect and, where we know it, what to do; never the token. */
    String describe(Throwable failure) {
        if (failure instanceof UnauthorizedException) {
            return failure.getMessage() + " (check the token: settings.xml server '" + serverId
                    + "' or KONNECT_TOKEN)";
        }
        if (failure instanceof ForbiddenException) {
            return failure.getMessage() + " (the token lacks a role on this control plane)";
        }
        if (failure instanceof KonnectTransportException) {
            return "could not reach Konnect: " + failure.getMessage();
        }
        return String.valueOf(failure.getMessage());
    }
}
