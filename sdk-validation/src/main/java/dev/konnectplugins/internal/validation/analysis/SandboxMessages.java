package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Classifies sandbox findings (timer or not) and words their messages with a fix. */
final class SandboxMessages {
    /** Modules whose use starts timers (directly or in their constructors). */
    static final Set<String> TIMER_MODULES = Set.of("resty.timer", "resty.timerng", "resty.timer-ng",
            "kong.tools.queue", "kong.tools.batch_queue", "resty.counter", "prometheus_resty_counter",
            "kong.plugins.prometheus.prometheus_resty_counter");

    private static final Set<String> KONG_TIMER_CREATORS = Set.of("at", "every", "named_at", "named_every");
    private static final Set<String> NGX_TIMER_CREATORS = Set.of("at", "every");

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("setmetatable", "build plain tables (functions as fields) instead of metatables"),
            Map.entry("getmetatable", "do not depend on metatables inside the sandbox"),
            Map.entry("rawget", "index the table normally"),
            Map.entry("rawset", "assign the field normally"),
            Map.entry("ngx.shared", "use kong.cache for shared state"),
            Map.entry("os.getenv", "pass the value through the plugin's config (a referenceable field) instead"),
            Map.entry("os.execute", "the sandbox cannot run processes"),
            Map.entry("io", "the sandbox cannot access files"),
            Map.entry("load", "the sandbox cannot compile code at run time"),
            Map.entry("loadstring", "the sandbox cannot compile code at run time"),
            Map.entry("package", "require only allowlisted modules"),
            Map.entry("debug", "the debug library is not available"),
            Map.entry("kong.worker_events", "worker events are not available to streamed plugins"),
            Map.entry("kong.cluster_events", "cluster events are not available to streamed plugins"));

    /** Whether a missing path is a timer API (so the finding is sandbox.timer, not sandbox.global). */
    static boolean isTimerPath(List<String> path) {
        if (path.size() == 1) {
            return path.get(0).equals("native_timer_at") || path.get(0).equals("native_timer_every");
        }
        if (path.get(0).equals("ngx") && path.get(1).equals("timer")) {
            return path.size() == 2 || NGX_TIMER_CREATORS.contains(path.get(2));
        }
        if (path.get(0).equals("kong") && path.get(1).equals("timer")) {
            return path.size() == 2 || KONG_TIMER_CREATORS.contains(path.get(2));
        }
        return false;
    }

    /** Whether calling this path creates a timer. */
    static boolean createsTimer(List<String> path) {
        return isTimerPath(path) && (path.size() == 1 || path.size() == 3);
    }

    static String timer(String what) {
        return "'" + what + "' creates a timer, but the plugin sandbox has no timers (ngx.timer and kong.timer are "
                + "nil there); do the work within the request, e.g. in the log phase";
    }

    static String timerWrapper(String function, int line, String source) {
        return "calls '" + function + "' (line " + line + "), which creates a timer through '" + source
                + "'; the plugin sandbox has no timers";
    }

    static String timerModule(String module) {
        return "'" + module + "' starts timers, which the plugin sandbox cannot run; do the work within the request";
    }

    static String missing(String dotted, boolean schema) {
        String hint = hintFor(dotted);
        if (schema && (dotted.startsWith("ngx") || dotted.startsWith("kong"))) {
            hint = "schema.lua runs in a sandbox with only Lua's basic functions; move this code to handler.lua";
        }
        return "'" + dotted + "' is not available in Kong's plugin sandbox (it is nil there)"
                + (hint == null ? "; use only the sandbox's allowlisted globals (see README)" : "; " + hint);
    }

    static String undefinedIndex(String name) {
        return "'" + name + "' is not defined in Kong's plugin sandbox (it is nil there), so indexing it fails; "
                + "use only the sandbox's allowlisted globals (see README)";
    }

    static String undefinedCall(String name) {
        return "calls '" + name + "', which is not defined in Kong's plugin sandbox (it is nil there); define it "
                + "as a local function or use an allowlisted global";
    }

    static String globalWrite(String name, boolean function) {
        return (function ? "defines the global function '" : "assigns the global '") + name
                + "', but the sandbox's globals are read-only (\"Cannot modify _G." + name
                + "\"); declare it local";
    }

    static String protectedWrite(String table, String field) {
        return "assigns '" + table + "." + field + "', but the sandbox's '" + table
                + "' table is read-only; keep the value in a local instead";
    }

    static String notAllowlisted(String module, String file, boolean ownModule) {
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
                + SandboxSpec.bundled().source() + ": \"require '" + module + "' not allowed within sandbox\"); use an "
                + "allowlisted module or inline the code";
    }

    /** Kong's bundled plugins (kong/constants.lua), whose modules a custom plugin sometimes requires. */
    private static final Set<String> BUNDLED = Set.of("jwt", "acl", "correlation-id", "cors", "oauth2", "tcp-log",
            "udp-log", "file-log", "http-log", "key-auth", "hmac-auth", "basic-auth", "ip-restriction",
            "request-transformer", "response-transformer", "request-size-limiting", "rate-limiting",
            "response-ratelimiting", "syslog", "loggly", "datadog", "ldap-auth", "statsd", "bot-detection",
            "aws-lambda", "request-termination", "prometheus", "proxy-cache", "session", "acme", "grpc-gateway",
            "grpc-web", "pre-function", "post-function", "azure-functions", "zipkin", "opentelemetry", "ai-proxy",
            "ai-prompt-decorator", "ai-prompt-template", "ai-prompt-guard", "ai-request-transformer",
            "ai-response-transformer", "standard-webhooks", "redirect");

    private static String hintFor(String dotted) {
        String hint = HINTS.get(dotted);
        if (hint == null && dotted.contains(".")) {
            hint = HINTS.get(dotted.substring(0, dotted.indexOf('.')));
        }
        return hint;
    }

    private SandboxMessages() {
    }
}
