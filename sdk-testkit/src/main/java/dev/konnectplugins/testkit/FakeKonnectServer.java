package dev.konnectplugins.testkit;

import dev.konnectplugins.internal.testkit.ServerArguments;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeKonnect} as a standalone HTTP server, so tools in any language can test against it:
 * {@code java -jar sdk-testkit-<version>-standalone.jar --port 8080}. Runs until killed; see {@code --help}.
 * The only class of the testkit that prints.
 */
public final class FakeKonnectServer {

    private FakeKonnectServer() {
    }

    /**
     * Starts the fake with the options given ({@code --help} lists them), prints its {@code KONNECT_*} settings and
     * serves until the process is killed; exits with status 2 on a bad command line.
     *
     * @param args command-line options
     * @throws InterruptedException when the serving thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ServerArguments arguments;
        FakeKonnect fake;
        try {
            arguments = ServerArguments.parse(args);
            if (arguments.help()) {
                System.out.println(ServerArguments.USAGE);
                return;
            }
            fake = start(arguments, System.out);
        } catch (IllegalArgumentException badCommandLine) {
            System.err.println(badCommandLine.getMessage());
            System.err.println(ServerArguments.USAGE);
            System.exit(2);
            return;
        } catch (RuntimeException cannotStart) {
            // Typically the port is taken; say so plainly instead of a stack trace.
            System.err.println("Could not start the fake: " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-konnect-shutdown"));
        System.err.println("Fake Konnect is listening on " + fake.baseUrl() + "; stop it with Ctrl-C.");
        // Jetty's threads keep serving; the main thread just waits for the process to be killed.
        new CountDownLatch(1).await();
    }

    /**
     * Starts a fake from command-line arguments and prints its coordinates, one {@code KEY=value} per line,
     * to {@code out}. The caller owns (and closes) the returned fake.
     *
     * @param args the arguments, as {@code --port 0} and the other options of {@code main}
     * @param out where the {@code KEY=value} lines go
     * @return the running fake
     */
    public static FakeKonnect start(String[] args, PrintStream out) {
        return start(ServerArguments.parse(args), out);
    }

    private static FakeKonnect start(ServerArguments arguments, PrintStream out) {
        FakeKonnectBuilder builder = FakeKonnect.builder().port(arguments.port());
        arguments.bindAddress().ifPresent(builder::bindAddress);
        arguments.token().ifPresent(builder::token);
        arguments.controlPlaneName().ifPresent(builder::controlPlaneName);
        arguments.controlPlaneId().ifPresent(builder::controlPlaneId);
        arguments.duplicateNameStatus().ifPresent(builder::duplicateNameStatus);
        builder.kongChecks(!arguments.noKongChecks());
        arguments.rateLimit().ifPresent(requests ->
                builder.rateLimit(requests, Duration.ofMillis(arguments.rateLimitWindowMillis())));
        FakeKonnect fake = builder.start();
        out.println("KONNECT_BASE_URL=" + fake.baseUrl());
        out.println("KONNECT_TOKEN=" + fake.token());
        out.println("KONNECT_CONTROL_PLANE_ID=" + fake.controlPlaneId());
        out.println("KONNECT_CONTROL_PLANE_NAME=" + fake.controlPlaneName());
        out.flush();
        return fake;
    }
}
