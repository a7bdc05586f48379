package dev.konnectplugins.examples;

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.ControlPlaneClient;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectApiException;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.Region;
import dev.konnectplugins.model.ControlPlane;
import dev.konnectplugins.testkit.FakeKonnect;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The connection every example uses: real Konnect when {@code KONNECT_TOKEN} and {@code KONNECT_CONTROL_PLANE} are
 * set, otherwise an embedded {@link FakeKonnect}, so each example runs on a fresh clone without an account.
 *
 * <p>Environment, the same as the JBang scripts':
 * <ul>
 *   <li>{@code KONNECT_TOKEN}: a personal or system access token</li>
 *   <li>{@code KONNECT_CONTROL_PLANE}: the control plane's id (a UUID) or its name</li>
 *   <li>{@code KONNECT_REGION}: {@code us} (default), {@code eu}, {@code au}, {@code me}, {@code in}, {@code sg}</li>
 *   <li>{@code KONNECT_BASE_URL}: another host instead of the region's, such as a standalone FakeKonnect (set it or
 *   {@code KONNECT_REGION}, not both)</li>
 * </ul>
 */
public final class ExampleKonnect implements AutoCloseable {
    public static final String TOKEN = "KONNECT_TOKEN";
    public static final String CONTROL_PLANE = "KONNECT_CONTROL_PLANE";
    public static final String REGION = "KONNECT_REGION";
    public static final String BASE_URL = "KONNECT_BASE_URL";

    /** Exit codes, the konnect-plugins CLI's (and so the JBang scripts'), so shell scripts can rely on them. */
    public static final int OK = 0;
    /** Every error that is not one of the codes below: a refused plugin, a missing setting, an unreadable folder. */
    public static final int ERROR = 1;
    public static final int KONNECT_ERROR = 3;
    public static final int UNREACHABLE = 4;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final FakeKonnect fake;
    private final URI host;
    private final String token;
    private final Konnect konnect;
    private final ControlPlaneClient controlPlane;

    private ExampleKonnect(FakeKonnect fake, URI host, String token, String controlPlane) {
        this.fake = fake;
        this.host = host;
        this.token = token;
        this.konnect = builder().build();
        try {
            this.controlPlane = UUID.matcher(controlPlane).matches() ? konnect.controlPlane(controlPlane)
                    : konnect.controlPlaneByName(controlPlane);
        } catch (RuntimeException e) {
            konnect.close();
            throw e;
        }
    }

    /** What an example does once connected. */
    @FunctionalInterface
    public interface Example {
        void run(ExampleKonnect konnect, PrintStream out, String[] args) throws Exception;
    }

    /** Runs an example from its {@code main}, exiting with a non-zero code (and one line on stderr) on failure. */
    public static void main(String[] args, Example example) {
        int code = run(System.getenv(), System.out, System.err, args, example);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Connects, runs the example and closes everything; returns the exit code. */
    public static int run(Map<String, String> env, PrintStream out, PrintStream err, String[] args, Example example) {
        try (ExampleKonnect konnect = connect(env, out)) {
            example.run(konnect, out, args);
            return OK;
        } catch (Exception e) {
            err.println(describe(e));
            return exitCode(e);
        }
    }

    /**
     * Real Konnect if both {@code KONNECT_TOKEN} and {@code KONNECT_CONTROL_PLANE} are set, the embedded fake if
     * neither is; says which on {@code out}.
     *
     * @throws IllegalArgumentException when only one of them is set, or the region is unknown
     */
    public static ExampleKonnect connect(Map<String, String> env, PrintStream out) {
        String token = blankToNull(env.get(TOKEN));
        String controlPlane = blankToNull(env.get(CONTROL_PLANE));
        if (token == null && controlPlane == null) {
            out.println("Starting an embedded fake Konnect (set " + TOKEN + " and " + CONTROL_PLANE
                    + " to use your real organization)");
            FakeKonnect fake = FakeKonnect.start();
            try {
                return new ExampleKonnect(fake, fake.baseUrl(), fake.token(), fake.controlPlaneId());
            } catch (RuntimeException e) {
                fake.close();
                throw e;
            }
        }
        if (token == null || controlPlane == null) {
            throw new IllegalArgumentException("Set both " + TOKEN + " and " + CONTROL_PLANE
                    + " (or neither, to use the embedded fake)");
        }
        ExampleKonnect konnect = new ExampleKonnect(null, host(env), token, controlPlane);
        ControlPlane resolved;
        try {
            resolved = konnect.controlPlane().get();
        } catch (RuntimeException e) {
            konnect.close();
            throw e;
        }
        out.println("Using Konnect at " + konnect.host + ", control plane " + resolved.getName() + " ("
                + resolved.getId() + ")");
        return konnect;
    }

    /** A builder already pointed at this Konnect (host and token), for a client with other settings. */
    public Konnect.Builder builder() {
        return Konnect.builder().baseUrl(host).token(token);
    }

    public Konnect konnect() {
        return konnect;
    }

    public ControlPlaneClient controlPlane() {
        return controlPlane;
    }

    public CustomPlugins customPlugins() {
        return controlPlane.customPlugins();
    }

    /** The embedded fake, when no real Konnect was configured. */
    public Optional<FakeKonnect> fake() {
        return Optional.ofNullable(fake);
    }

    @Override
    public void close() {
        konnect.close();
        if (fake != null) {
            fake.close();
        }
    }

    /** One line for the user; a refused plugin also lists its errors, one per line. */
    public static String describe(Throwable e) {
        if (e instanceof PluginValidationException) {
            return e.getMessage();
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (e instanceof KonnectTransportException) {
            // The attempt count is useful; the list of identical earlier attempts is not.
            return "Could not reach Konnect: " + message.replaceFirst("; earlier attempts: .*\\)$", ")");
        }
        return e instanceof KonnectException || userFixable(e) ? message
                : e.getClass().getSimpleName() + ": " + message;
    }

    /** The exit code documented in the README for this failure. */
    public static int exitCode(Throwable e) {
        if (e instanceof PluginValidationException || e instanceof BadRequestException) {
            return ERROR;
        }
        if (e instanceof KonnectApiException) {
            return KONNECT_ERROR;
        }
        if (e instanceof KonnectTransportException) {
            return UNREACHABLE;
        }
        return ERROR;
    }

    /** Bad settings, or a plugin directory that can't be read: the message alone tells the user what to fix. */
    private static boolean userFixable(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException;
    }

    private static URI host(Map<String, String> env) {
        String baseUrl = blankToNull(env.get(BASE_URL));
        if (baseUrl != null && blankToNull(env.get(REGION)) != null) {
            // As Konnect.Builder.fromEnvironment and the CLI: two hosts is a mistake to fix, not a choice to guess.
            throw new IllegalStateException("Both " + BASE_URL + " and " + REGION + " are set; unset one");
        }
        if (baseUrl != null) {
            return URI.create(baseUrl);
        }
        String region = Optional.ofNullable(blankToNull(env.get(REGION))).orElse("us");
        return Region.of(region).baseUrl();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
