package dev.konnectplugins.internal.testkit;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * The standalone server's command line, parsed. Only options that were given are set; the fake's own
 * defaults apply to the rest.
 *
 * @param help                 whether --help was asked for
 * @param port                 --port
 * @param bindAddress          --bind
 * @param token                --token
 * @param controlPlaneName     --control-plane
 * @param controlPlaneId       --control-plane-id
 * @param duplicateNameStatus  --duplicate-status
 * @param noKongChecks         --no-kong-checks
 * @param rateLimit            --rate-limit
 * @param rateLimitWindowMillis --rate-limit-window-ms
 */
public record ServerArguments(boolean help, int port, Optional<String> bindAddress, Optional<String> token,
                              Optional<String> controlPlaneName, Optional<String> controlPlaneId,
                              Optional<Integer> duplicateNameStatus, boolean noKongChecks,
                              Optional<Integer> rateLimit, long rateLimitWindowMillis) {

    public static final int DEFAULT_PORT = 8080;

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: fake-konnect [options]",
            "Serves a fake Kong Konnect API (custom plugins, plugin schemas, control planes) until killed.",
            "",
            "  --port N                  TCP port (default " + DEFAULT_PORT + "; 0 picks a free one)",
            "  --bind ADDRESS            address to listen on (default 127.0.0.1; 0.0.0.0 for containers)",
            "  --token T                 the bearer token to accept (default kpat_fake000...)",
            "  --control-plane NAME      name of the default control plane (default \"default\")",
            "  --control-plane-id UUID   fixed id for it (default random)",
            "  --duplicate-status 400|409  status of a duplicate custom-plugin name (default 400)",
            "  --no-kong-checks          store any well-formed custom plugin (default: Kong's upload checks,",
            "                            as on Konnect: a plugin Kong refuses is a 400)",
            "  --rate-limit N            answer 429 with Retry-After above N requests a second, counted",
            "                            for the whole organisation as Konnect does (default: no limit)",
            "  --rate-limit-window-ms M  count --rate-limit per window of M ms instead of a second",
            "  --help                    print this and exit",
            "",
            "Prints KONNECT_BASE_URL=, KONNECT_TOKEN=, KONNECT_CONTROL_PLANE_ID= and KONNECT_CONTROL_PLANE_NAME=",
            "lines on standard output once it is ready.");

    /** Parses the arguments; a malformed command line is an IllegalArgumentException saying what is wrong. */
    public static ServerArguments parse(String... args) {
        Builder builder = new Builder();
        Deque<String> pending = new ArrayDeque<>(Arrays.asList(args));
        while (!pending.isEmpty()) {
            builder.accept(pending.removeFirst(), pending);
        }
        return builder.build();
    }

    private static final class Builder {
        private boolean help;
        private int port = DEFAULT_PORT;
        private String bindAddress;
        private String token;
        private String controlPlaneName;
        private String controlPlaneId;
        private Integer duplicateNameStatus;
        private boolean noKongChecks;
        private Integer rateLimit;
        private long rateLimitWindowMillis = 1000;

        void accept(String option, Deque<String> pending) {
            String name = option;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                // Also accept --port=8080.
                name = option.substring(0, equals);
                pending.addFirst(option.substring(equals + 1));
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port" -> port = integer(name, value(name, pending));
                case "--bind" -> bindAddress = value(name, pending);
                case "--token" -> token = value(name, pending);
                case "--control-plane" -> controlPlaneName = value(name, pending);
                case "--control-plane-id" -> controlPlaneId = value(name, pending);
                case "--duplicate-status" -> duplicateNameStatus = integer(name, value(name, pending));
                case "--no-kong-checks" -> noKongChecks = true;
                case "--rate-limit" -> rateLimit = positive(name, integer(name, value(name, pending)));
                case "--rate-limit-window-ms" -> rateLimitWindowMillis = positive(name,
                        integer(name, value(name, pending)));
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }

        private static String value(String option, Deque<String> pending) {
            if (pending.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return pending.removeFirst();
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(option + " needs a number, not " + value);
            }
        }

        private static int positive(String option, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(option + " needs a number of at least 1, not " + value);
            }
            return value;
        }

        ServerArguments build() {
            if (rateLimit == null && rateLimitWindowMillis != 1000) {
                throw new IllegalArgumentException("--rate-limit-window-ms needs --rate-limit");
            }
            return new ServerArguments(help, port, Optional.ofNullable(bindAddress), Optional.ofNullable(token),
                    Optional.ofNullable(controlPlaneName), Optional.ofNullable(controlPlaneId),
                    Optional.ofNullable(duplicateNameStatus), noKongChecks, Optional.ofNullable(rateLimit),
                    rateLimitWindowMillis);
        }
    }
}
