package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.resolve.Resolution;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import dev.konnectplugins.validation.Rules;
import java.util.Set;

/**
 * Rule {@code sandbox.require} (error): a module outside the sandbox's require allowlist for the file. Under
 * {@code pcall(require, ...)} the error is caught (a warning), and a computed module name cannot be checked (a
 * warning).
 */
public final class RequireCheck {
    static final String RULE = Rules.SANDBOX_REQUIRE;
    /** Kong's bundled plugins (kong/constants.lua), whose modules a custom plugin sometimes requires. */
    private static final Set<String> BUNDLED = Set.of("jwt", "acl", "correlation-id", "cors", "oauth2", "tcp-log",
            "udp-log", "file-log", "http-log", "key-auth", "hmac-auth", "basic-auth", "ip-restriction",
            "request-transformer", "response-transformer", "request-size-limiting", "rate-limiting",
            "response-ratelimiting", "syslog", "loggly", "datadog", "ldap-auth", "statsd", "bot-detection",
            "aws-lambda", "request-termination", "prometheus", "proxy-cache", "session", "acme", "grpc-gateway",
            "grpc-web", "pre-function", "post-function", "azure-functions", "zipkin", "opentelemetry", "ai-proxy",
            "ai-prompt-decorator", "ai-prompt-template", "ai-prompt-guard", "ai-request-transformer",
            "ai-response-transformer", "standard-webhooks", "redirect");

    private RequireCheck() {
    }

    /** Checks one file's resolved requires. */
    public static void check(Resolution resolution, SandboxSpec spec, Kind kind, Findings out) {
        SandboxFindings findings = new SandboxFindings(out, kind.file());
        for (Event.Require require : resolution.events(Event.Require.class)) {
            String module = require.module();
            if (module == null) {
                findings.warning(RULE, require.context(), require.at(), "requires a computed module name, which "
                        + "cannot be checked against the sandbox's allowlist");
            } else if (!spec.canRequire(kind, module)) {
                String message = notAllowlisted(spec, module, kind.file(), module.startsWith("kong.plugins."));
                if (require.protectedCall()) {
                    findings.warning(RULE, require.context(), require.at(),
                            message + "; pcall catches the error, so make sure the fallback works");
                } else {
                    findings.report(RULE, require.context(), require.at(), message);
                }
            }
        }
    }

    private static String notAllowlisted(SandboxSpec spec, String module, String file, boolean ownModule) {
        if (module.equals("kong.plugins.base_plugin")) {
            return "requires 'kong.plugins.base_plugin', which the sandbox does not allow (and which Kong 3.0 removed); "
                    + "write the handler as a plain table: local Handler = { PRIORITY = 1000, VERSION = \"1.0.0\" }";
        }
        if (ownModule && module.split("\\.").length > 3 && BUNDLED.contains(module.split("\\.")[2])) {
            return "requires '" + module + "', a module of Kong's bundled '" + module.split("\\.")[2]
                    + "' plugin, which is not in the sandbox's require allowlist for " + file + " (\"require '" + module
                    + "' not allowed within sandbox\"); inline the code you need into " + file;
        }
        if (ownModule) {
            return "requires '" + module + "', a module of the plugin itself: streaming uploads only handler.lua and "
                    + "schema.lua and the sandbox cannot require it; inline that code into " + file;
        }
        return "requires '" + module + "', which is not in the sandbox's require allowlist for " + file + " ("
                + spec.source() + ": \"require '" + module + "' not allowed within sandbox\"); use an "
                + "allowlisted module or inline the code";
    }
}
