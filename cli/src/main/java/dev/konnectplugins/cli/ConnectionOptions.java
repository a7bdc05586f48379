package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where and who: each option falls back to its environment variable, and Konnect.Builder.fromEnvironment reads
 * the result, so the CLI parses none of those variables itself.
 */
final class ConnectionOptions {
    /** The command these options are mixed into, for usage errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Konnect access token (env KONNECT_TOKEN; prefer the variable, options show in `ps`)")
    String token;

    @Option(names = "--region", paramLabel = "REGION",
            description = "us (default), eu, au, me, in, sg (env KONNECT_REGION)")
    String region;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "another API host, such as a fake Konnect (env KONNECT_BASE_URL)")
    String baseUrl;

    @Option(names = "--control-plane", paramLabel = "NAME|ID",
            description = "control plane name or id; repeat for several (env KONNECT_CONTROL_PLANE)")
    List<String> controlPlanes = new ArrayList<>();

    @Option(names = "--max-rps", paramLabel = "N",
            description = "send at most N requests per second to Konnect, retries included (such as 5 or 0.5); "
                    + "default: no cap")
    Double maxRequestsPerSecond;

    /**
     * A client from the environment with these options laid over it: {@code --region} or {@code --base-url}
     * replaces both host variables, so a mistake is blamed on where it came from (an option or the environment).
     */
    Konnect connect(Map<String, String> environment) {
        if (region != null && baseUrl != null) {
            throw new ParameterException(command.commandLine(), "--region and --base-url name two hosts; pass one");
        }
        if (region != null) {
            try {
                Region.of(region.trim());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--region: " + e.getMessage(), e, null, region);
            }
        }
        Map<String, String> merged = new HashMap<>(environment);
        if (token != null) {
            merged.put(Konnect.TOKEN_VARIABLE, token);
        }
        if (baseUrl != null) {
            merged.put(Konnect.BASE_URL_VARIABLE, baseUrl);
            merged.remove(Konnect.REGION_VARIABLE);
        }
        if (region != null) {
            merged.put(Konnect.REGION_VARIABLE, region);
            if (baseUrl == null) {
                merged.remove(Konnect.BASE_URL_VARIABLE);
            }
        }
        if (merged.getOrDefault(Konnect.TOKEN_VARIABLE, "").isBlank()) {
            throw new IllegalStateException("no token: set KONNECT_TOKEN or pass --token");
        }
        Konnect.Builder builder = Konnect.builder().fromEnvironment(merged).userAgentSuffix("konnect-plugins-cli");
        if (maxRequestsPerSecond != null) {
            if (!(maxRequestsPerSecond > 0) || maxRequestsPerSecond.isInfinite()) {
                throw new ParameterException(command.commandLine(),
                        "--max-rps must be a positive number of requests per second, got " + maxRequestsPerSecond);
            }
            builder.maxRequestsPerSecond(maxRequestsPerSecond);
        }
        return builder.build();
    }

    /** The control planes to work on: the options', else the variable's. */
    List<String> controlPlanes(Map<String, String> environment) {
        if (!controlPlanes.isEmpty()) {
            return List.copyOf(controlPlanes);
        }
        String fromEnvironment = environment.get(Konnect.CONTROL_PLANE_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalStateException("no control plane: set KONNECT_CONTROL_PLANE or pass --control-plane");
        }
        return List.of(fromEnvironment.trim());
    }

    /** The one control plane of a command that works on one. */
    String controlPlane(Map<String, String> environment, String command) {
        List<String> all = controlPlanes(environment);
        if (all.size() > 1) {
            throw new ParameterException(this.command.commandLine(), command + " works on one control plane; "
                    + "--control-plane was given " + all.size() + " times");
        }
        return all.get(0);
    }
}
