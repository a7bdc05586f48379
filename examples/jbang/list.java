///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:sdk-core:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-nop:2.0.20
//DESCRIPTION Lists the Kong custom plugins on a Konnect control plane, optionally by tag, as text or JSON.

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.Region;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.model.CustomPlugin;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Lists custom plugins. Run it with {@code jbang list.java --help}. */
class list {
    static final String USAGE = """
            Usage: list [options]

            Lists the custom plugins on a Konnect control plane: one line each (name, id, version, tags), or a
            JSON array with --format json. Prints nothing on stdout when there are none.

              --tag TAG              only plugins with this tag (repeat: plugins with all of them)
              --any-tag              with several --tag: plugins with at least one of them
              --format FORMAT        text (default) or json
              --token TOKEN          Konnect access token           (env KONNECT_TOKEN; prefer the variable)
              --control-plane CP     control plane name or id       (env KONNECT_CONTROL_PLANE)
              --region REGION        us (default), eu, au, me, in, sg (env KONNECT_REGION)
              --base-url URL         another API host, e.g. a FakeKonnect (env KONNECT_BASE_URL)
              -h, --help             show this help

            Exit status:
              0  listed (possibly nothing)
              2  bad usage or missing configuration (token, control plane)
              3  Konnect answered an error (401/403 token, control plane not found, 429, 5xx)
              4  Konnect could not be reached (network, DNS, proxy, timeout)
            """;

    public static void main(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        try {
            parse(args, List.of("--tag", "--format", "--token", "--control-plane", "--region", "--base-url"),
                    options, positional, "--any-tag");
            if (options.containsKey("--help")) {
                System.out.print(USAGE);
                return;
            }
            if (!positional.isEmpty()) {
                throw new Usage("unexpected argument " + positional.get(0));
            }
            String format = options.containsKey("--format") ? last(options, "--format") : "text";
            if (!format.equals("text") && !format.equals("json")) {
                throw new Usage("--format must be text or json, got " + format);
            }
            List<CustomPlugin> plugins = list(options);
            System.out.print(format.equals("json") ? json(plugins) : text(plugins));
        } catch (Usage e) {
            System.err.println("list: " + e.getMessage() + " (see --help)");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("list: " + firstLine(e));
            System.exit(exitCode(e));
        }
    }

    static List<CustomPlugin> list(Map<String, List<String>> options) {
        String[] tags = options.getOrDefault("--tag", List.of()).toArray(String[]::new);
        ListOptions.Builder filter = ListOptions.builder();
        if (tags.length > 0) {
            filter = options.containsKey("--any-tag") ? filter.anyOfTags(tags) : filter.tags(tags);
        }
        try (Konnect konnect = connect(options).build()) {
            // The list is fetched page by page as the stream is read; collect it before the client closes.
            return konnect.controlPlane(controlPlaneId(konnect, options)).customPlugins().list(filter.build())
                    .stream().collect(Collectors.toList());
        }
    }

    static String text(List<CustomPlugin> plugins) {
        int width = plugins.stream().mapToInt(plugin -> plugin.getName().length()).max().orElse(0);
        return plugins.stream().map(plugin -> String.format("%-" + width + "s  %s  %-8s  %s%n", plugin.getName(),
                plugin.getId(), version(plugin.getHandler()), String.join(",", tags(plugin))))
                .collect(Collectors.joining());
    }

    static String json(List<CustomPlugin> plugins) {
        if (plugins.isEmpty()) {
            return "[]\n";
        }
        return plugins.stream().map(list::jsonObject).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    static String jsonObject(CustomPlugin plugin) {
        return "  {\"id\": " + quote(plugin.getId()) + ", \"name\": " + quote(plugin.getName())
                + ", \"version\": " + quote(version(plugin.getHandler())) + ", \"tags\": ["
                + tags(plugin).stream().map(list::quote).collect(Collectors.joining(", ")) + "], \"created_at\": "
                + plugin.getCreatedAt() + ", \"updated_at\": " + plugin.getUpdatedAt() + "}";
    }

    static List<String> tags(CustomPlugin plugin) {
        return plugin.getTags() == null ? List.of() : plugin.getTags();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
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
