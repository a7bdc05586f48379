package dev.konnectplugins.examples;

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.ConflictException;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.ForbiddenException;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectTimeoutException;
import dev.konnectplugins.KonnectTransportException;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.PluginInUseException;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.RateLimitedException;
import dev.konnectplugins.RetryPolicy;
import dev.konnectplugins.ServerException;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.testkit.FakeKonnect;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

/**
 * Makes each kind of failure happen once and catches it by its type: what you can learn from each exception, and
 * what to do about it. Every {@code KonnectException} is unchecked; catch the ones you have an answer for.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.konnectplugins.examples.HandleErrors
 * </pre>
 *
 * Against real Konnect it skips the failures only a fake can stage (plugin in use, rate limit, 403, 503, timeout).
 */
public final class HandleErrors {
    private HandleErrors() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, HandleErrors::run);
    }

    static void run(ExampleKonnect konnect, PrintStream out, String[] args) {
        CustomPlugins plugins = konnect.customPlugins();
        refusedBeforeUpload(konnect, out);
        refusedByKonnect(konnect, out);
        duplicateName(plugins, out);
        notFound(plugins, out);
        wrongToken(konnect, out);
        konnect.fake().ifPresent(fake -> {
            pluginInUse(fake, plugins, out);
            rateLimited(fake, konnect, out);
            refusedOrBroken(fake, konnect, out);
            tooSlow(fake, konnect, out);
        });
        unreachable(out);
    }

    private static void refusedBeforeUpload(ExampleKonnect konnect, PrintStream out) {
        if (!konnect.konnect().validatesBeforeUpload()) {
            out.println("Upload a plugin that starts a timer -> not checked: sdk-validation is not on the class path");
            return;
        }
        String handler = "local Handler = { PRIORITY = 1000, VERSION = \"1.0.0\" }\n\n"
                + "function Handler:init_worker()\n  ngx.timer.every(60, function() end)\nend\n\nreturn Handler\n";
        PluginSource timer = PluginSource.of("uses-timer", handler,
                ListWithTags.minimalPlugin("uses-timer").schema());
        try {
            konnect.customPlugins().create(timer);
            out.println("Upload a plugin that starts a timer -> accepted (unexpected)");
        } catch (PluginValidationException e) {
            // Nothing was sent. errors() are the findings that block the upload; diagnostics() adds the warnings.
            out.println("Upload a plugin that starts a timer -> PluginValidationException, nothing sent: "
                    + e.errors().size() + " errors, first: " + e.errors().get(0));
        }
    }

    private static void refusedByKonnect(ExampleKonnect konnect, PrintStream out) {
        PluginSource misnamed = PluginSource.of("misnamed", ListWithTags.minimalPlugin("misnamed").handler(),
                ListWithTags.minimalPlugin("other-name").schema());
        // Offline validation off, so Konnect itself has to judge the upload.
        try (Konnect unchecked = konnect.builder().validateBeforeUpload(false).build()) {
            unchecked.controlPlane(konnect.controlPlane().id()).customPlugins().create(misnamed);
            out.println("Upload a plugin whose schema has another name -> accepted (unexpected)");
        } catch (BadRequestException e) {
            out.println("Upload a plugin whose schema has another name -> BadRequestException " + e.statusCode()
                    + ": " + e.invalidParameters());
        }
    }

    private static void duplicateName(CustomPlugins plugins, PrintStream out) {
        PluginSource source = ListWithTags.minimalPlugin("duplicate-demo");
        plugins.create(source);
        try {
            plugins.create(source);
            out.println("Create the same plugin twice -> accepted (unexpected)");
        } catch (ConflictException e) {
            out.println("Create the same plugin twice -> ConflictException " + e.statusCode() + ": "
                    + e.konnectMessage() + " (use upsert to create or replace)");
        } finally {
            plugins.delete(source.name());
        }
    }

    private static void notFound(CustomPlugins plugins, PrintStream out) {
        try {
            plugins.get("no-such-plugin");
            out.println("Get a plugin that isn't there -> found (unexpected)");
        } catch (NotFoundException e) {
            out.println("Get a plugin that isn't there -> NotFoundException " + e.statusCode()
                    + " (find() returns Optional.empty() instead)");
        }
    }

    private static void wrongToken(ExampleKonnect konnect, PrintStream out) {
        try (Konnect wrong = konnect.builder().token("kpat_not-a-real-token").build()) {
            wrong.controlPlane(konnect.controlPlane().id()).customPlugins().list().stream().count();
            out.println("List with a wrong token -> accepted (unexpected)");
        } catch (UnauthorizedException e) {
            out.println("List with a wrong token -> UnauthorizedException " + e.statusCode() + ": "
                    + e.konnectMessage());
        }
    }

    private static void pluginInUse(FakeKonnect fake, CustomPlugins plugins, PrintStream out) {
        PluginSource source = ListWithTags.minimalPlugin("in-use-demo");
        plugins.create(source);
        fake.markInUse(fake.controlPlaneId(), source.name());
        try {
            plugins.delete(source.name());
            out.println("Delete a plugin that plugin instances use -> deleted (unexpected)");
        } catch (PluginInUseException e) {
            out.println("Delete a plugin that plugin instances use -> PluginInUseException " + e.statusCode()
                    + " (delete the instances first, or ship the new version under a new name)");
        } finally {
            fake.markNotInUse(fake.controlPlaneId(), source.name());
            plugins.delete(source.name());
        }
    }

    private static void rateLimited(FakeKonnect fake, ExampleKonnect konnect, PrintStream out) {
        fake.faults().rateLimitNext(1, Duration.ofSeconds(30));
        // The default RetryPolicy waits out Retry-After and tries again; without retries the 429 reaches you.
        try (Konnect noRetries = konnect.builder().retryPolicy(RetryPolicy.none()).build()) {
            noRetries.controlPlane(fake.controlPlaneId()).customPlugins().list().stream().count();
            out.println("List while rate limited -> accepted (unexpected)");
        } catch (RateLimitedException e) {
            out.println("List while rate limited -> RateLimitedException " + e.statusCode() + ", retry after "
                    + e.retryAfter().map(Duration::toSeconds).orElse(-1L) + " s");
        }
    }

    private static void refusedOrBroken(FakeKonnect fake, ExampleKonnect konnect, PrintStream out) {
        try (Konnect noRetries = konnect.builder().retryPolicy(RetryPolicy.none()).build()) {
            CustomPlugins plugins = noRetries.controlPlane(fake.controlPlaneId()).customPlugins();
            fake.faults().failNext(1, 403);
            try {
                plugins.list().stream().count();
            } catch (ForbiddenException e) {
                out.println("List without the permission -> ForbiddenException " + e.statusCode()
                        + " (the token's role doesn't allow this)");
            }
            fake.faults().failNext(1, 503);
            try {
                plugins.list().stream().count();
            } catch (ServerException e) {
                out.println("List while Konnect has an outage -> ServerException " + e.statusCode()
                        + " (retried by default; quote the trace id to support: "
                        + e.traceId().orElse("none") + ")");
            }
        }
    }

    private static void tooSlow(FakeKonnect fake, ExampleKonnect konnect, PrintStream out) {
        fake.faults().delayNext(1, Duration.ofSeconds(2));
        try (Konnect impatient = konnect.builder().retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofMillis(200)).build()) {
            impatient.controlPlane(fake.controlPlaneId()).customPlugins().list().stream().count();
            out.println("List with a 200 ms timeout -> answered (unexpected)");
        } catch (KonnectTimeoutException e) {
            out.println("List with a 200 ms timeout -> KonnectTimeoutException (a KonnectTransportException)");
        }
    }

    private static void unreachable(PrintStream out) {
        try (Konnect nowhere = Konnect.builder().baseUrl(URI.create("http://127.0.0.1:1")).token("kpat_any")
                .retryPolicy(RetryPolicy.none()).build()) {
            nowhere.controlPlane("3b1c2f0e-0000-4000-8000-000000000000").customPlugins().list().stream().count();
            out.println("List from a host that isn't there -> answered (unexpected)");
        } catch (KonnectTransportException e) {
            out.println("List from a host that isn't there -> KonnectTransportException (network, proxy or DNS)");
        }
    }
}
