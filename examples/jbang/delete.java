///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:sdk-core:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-nop:2.0.20
//DESCRIPTION Deletes Kong custom plugins, by name or id, from a Konnect control plane.

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.Region;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.model.CustomPlugin;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deletes custom plugins. Run it with {@code jbang delete.java --help}. */
class delete {
    static final String USAGE = """
            Usage: delete [options] PLUGIN...

            Deletes each custom plugin, given by name or id, from a Konnect control plane, in order, stopping at
            the first failure. A plugin that is not there counts as deleted, so running this twice is safe.

              --token TOKEN          Konnect access token           (env KONNECT_TOKEN; prefer the variable)
              --control-plane CP     control plane name or id       (env KONNECT_CONTROL_PLANE)
              --region REGION        us (default), eu, au, me, in, sg (env KONNECT_REGION)
              --base-url URL         another API host, e.g. a FakeKonnect (env KONNECT_BASE_URL)
              -h, --help             show this help

            Exit status:
              0  every plugin is gone (deleted now, or not there)
              2  bad usage or missing configuration (token, control plane)
              3  Konnect answered an error (401/403 token, control plane not found, plugin in use, 429, 5xx)
              4  Konnect could not be reached (network, DNS, proxy, timeout)
            """;

    public static void main(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        try {
            parse(args, List.of("--token", "--control-plane", "--region", "--base-url"), options, positional);
            if (options.containsKey("--help")) {
                System.out.print(USAGE);
                return;
            }
            if (positional.isEmpty()) {
                throw new Usage("name at least one plugin to delete");
            }
            delete(positional, options);
        } catch (Usage e) {
            System.err.println("delete: " + e.getMessage() + " (see --help)");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("delete: " + firstLine(e));
            System.exit(exitCode(e));
        }
    }

    static void delete(List<String> names, Map<String, List<String>> options) {
        try (Konnect konnect = connect(options).build()) {
            CustomPlugins plugins = konnect.controlPlane(controlPlaneId(konnect, options)).customPlugins();
            for (String name : names) {
                // Konnect answers 204 whether or not the plugin existed; look first to say which.
                Optional<CustomPlugin> plugin = plugins.find(name);
                if (plugin.isEmpty()) {
                    System.out.println("Not found, nothing to delete: " + name);
                    continue;
                }
                plugins.delete(plugin.get().getId());
                System.out.println("Deleted " + plugin.get().getName() + " (id " + plugin.get().getId() + ")");
            }
        }
    }

    // ---- Shared by the push, list and delete scripts (each script stays a single file). ----

    static Konnect.Builder connect(Map<String, List<String>> options) {
        String token = setting(options, "--token", "KONNECT_TOKEN");
        if (token == null) {
            throw new Usage("no token: set KONNECT_TOKEN or pass --token");
        }
        Konnect.Builder builder = Konnect.builder().token(token);
        String baseUrl = setting(options, "--base-url", "KONNECT_BASE_URL");
        if (baseUrl != null) {
            return builder.baseUrl(URI.create(baseUrl));
        }
        String region = setting(options, "--region", "KONNECT_REGION");
        return builder.region(Region.of(region == null ? "us" : region));
    }

    /** The control plane's id: taken as is when it looks like a UUID, otherwise looked up by name. */
    static String controlPlaneId(Konnect konnect, Map<String, List<String>> options) {
        String controlPlane = setting(options, "--control-plane", "KONNECT_CONTROL_PLANE");
        if (controlPlane == null) {
            throw new Usage("no control plane: set KONNECT_CONTROL_PLANE or pass --control-plane (name or id)");
        }
        return UUID.matcher(controlPlane).matches() ? controlPlane
                : konnect.controlPlanes().getByName(controlPlane).getId();
    }

    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern VERSION = Pattern.compile("VERSION\\s*=\\s*\"([^\"]*)\"");

    static String version(String handler) {
        Matcher matcher = VERSION.matcher(handler == null ? "" : handler);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** The exit codes listed in USAGE. */
    static int exitCode(RuntimeException e) {
        if (e instanceof BadRequestException) {
            return 1;
        }
        if (e instanceof KonnectApiException) {
            return 3;
        }
        if (e instanceof KonnectTransportException) {
            return 4;
        }
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException ? 2 : 1;
    }

    static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (e instanceof UnauthorizedException) {
            return message + " (check the token: KONNECT_TOKEN or --token)";
        }
        // The attempt count is useful; the list of identical earlier attempts is not.
        return e instanceof KonnectTransportException
                ? "could not reach Konnect: " + message.replaceFirst("; earlier attempts: .*\\)$", ")") : message;
    }

    /** The option's value, else the environment variable's; null when neither is set. */
    static String setting(Map<String, List<String>> options, String option, String variable) {
        String value = options.containsKey(option) ? last(options, option) : System.getenv(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String last(Map<String, List<String>> options, String option) {
        List<String> values = options.get(option);
        return values.get(values.size() - 1);
    }

    /** Splits {@code --opt value}, {@code --opt=value}, flags and positional arguments; {@code --} ends options. */
    static void parse(String[] args, List<String> valued, Map<String, List<String>> options, List<String> positional,
            String... flags) {
        List<String> knownFlags = new ArrayList<>(List.of(flags));
        knownFlags.add("--help");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                positional.addAll(List.of(args).subList(i + 1, args.length));
                return;
            }
            String name = arg.equals("-h") ? "--help" : arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (knownFlags.contains(name) && !arg.contains("=")) {
                options.computeIfAbsent(name, key -> new ArrayList<>());
            } else if (valued.contains(name)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    throw new Usage(name + " needs a value");
                }
                options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new Usage("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
    }

    /** Bad usage or missing configuration: exit status 2. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
