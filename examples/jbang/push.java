///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:sdk-core:0.1.0-SNAPSHOT
//DEPS dev.konnectplugins:sdk-validation:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-nop:2.0.20
//DESCRIPTION Creates or updates a Kong custom plugin on a Konnect control plane from a plugin directory.

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PreUploadValidator;
import dev.konnectplugins.Region;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.model.CustomPlugin;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates or updates (upserts) a custom plugin from a directory holding handler.lua and schema.lua, after checking
 * it offline. Run it with {@code jbang push.java --help}, or {@code ./push.java --help} once it is executable.
 */
class push {
    static final String USAGE = """
            Usage: push [options] DIR

            Creates the custom plugin in DIR (handler.lua and schema.lua; the folder name is the plugin name) on a
            Konnect control plane, or updates it when one of that name exists. The plugin is validated offline
            first; errors stop the upload, warnings are printed.

              --name NAME            upload under this name instead of the folder's
              --tag TAG              tag the plugin (repeat for more tags; replaces the current tags)
              --token TOKEN          Konnect access token           (env KONNECT_TOKEN; prefer the variable)
              --control-plane CP     control plane name or id       (env KONNECT_CONTROL_PLANE)
              --region REGION        us (default), eu, au, me, in, sg (env KONNECT_REGION)
              --base-url URL         another API host, e.g. a FakeKonnect (env KONNECT_BASE_URL)
              -h, --help             show this help

            Exit status:
              0  created or updated
              1  the plugin was refused: offline validation found errors, or Konnect answered 400
              2  bad usage or missing configuration (token, control plane, unreadable DIR)
              3  Konnect answered another error (401/403 token, control plane not found, plugin in use, 429, 5xx)
              4  Konnect could not be reached (network, DNS, proxy, timeout)
            """;

    public static void main(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        try {
            parse(args, List.of("--name", "--tag", "--token", "--control-plane", "--region", "--base-url"),
                    options, positional);
            if (options.containsKey("--help")) {
                System.out.print(USAGE);
                return;
            }
            if (positional.size() != 1) {
                throw new Usage("expected exactly one plugin directory, got " + positional.size());
            }
            System.exit(push(Path.of(positional.get(0)), options));
        } catch (Usage e) {
            System.err.println("push: " + e.getMessage() + " (see --help)");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("push: " + firstLine(e));
            System.exit(exitCode(e));
        }
    }

    static int push(Path directory, Map<String, List<String>> options) {
        if (!Files.isDirectory(directory)) {
            throw new Usage("not a directory: " + directory);
        }
        PluginSource source = PluginSource.fromDirectory(directory);
        if (options.containsKey("--name")) {
            source = source.withName(last(options, "--name"));
        }
        if (options.containsKey("--tag")) {
            source = source.withTags(options.get("--tag"));
        }
        if (!validate(source)) {
            return 1;
        }
        // Validated above, with the warnings shown; no need for the client to run the same checks again.
        try (Konnect konnect = connect(options).validateBeforeUpload(false).build()) {
            CustomPlugins plugins = konnect.controlPlane(controlPlaneId(konnect, options)).customPlugins();
            boolean exists = plugins.find(source.name()).isPresent();
            CustomPlugin plugin = plugins.upsert(source);
            System.out.println((exists ? "Updated " : "Created ") + plugin.getName() + " (id " + plugin.getId()
                    + ", version " + version(plugin.getHandler()) + ")");
            return 0;
        }
    }

    /** Runs the offline validators (sdk-validation); prints every finding to stderr; false when one is an error. */
    static boolean validate(PluginSource source) {
        List<Diagnostic> findings = new ArrayList<>();
        ServiceLoader.load(PreUploadValidator.class, push.class.getClassLoader())
                .forEach(validator -> findings.addAll(validator.validate(source)));
        findings.forEach(finding -> System.err.println(source.name() + "/" + finding));
        long errors = findings.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            System.err.println("push: " + source.name() + " was not uploaded: " + errors
                    + (errors == 1 ? " error" : " errors"));
        }
        return errors == 0;
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
