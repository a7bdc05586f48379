package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.PluginSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, rows 2 and 9: every validation has its own environment, so nothing one plugin's code changes is seen by
 * another, and {@link PluginValidator} used from many threads gives exactly the results it gives sequentially.
 */
class IsolationTest {
    private static final String SCHEMA_WRITING_TYPEDEFS = """
            local typedefs = require "kong.db.schema.typedefs"
            typedefs.protocols_http.elements.one_of[1] = "evil"
            typedefs.protocols.default[1] = "evil"
            return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
            """;
    private static final String SCHEMA_READING_TYPEDEFS = """
            local typedefs = require "kong.db.schema.typedefs"
            local first = typedefs.protocols_http.elements.one_of[1] .. "," .. typedefs.protocols.default[1]
            assert(first == "grpc,grpc", "another validation's value: " .. first)
            return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
            """;
    // Kong's ngx table is not protected by the sandbox: a plugin may write to it.
    private static final String HANDLER_WRITING_NGX = """
            ngx.ctx.version = "evil"
            return { PRIORITY = 1000, VERSION = "1.0.0" }
            """;
    private static final String HANDLER_READING_NGX = """
            return { PRIORITY = 1000, VERSION = ngx.ctx.version or "1.0.0" }
            """;

    @Test
    void typedefsWrittenByOnePluginAreNotSeenByTheNext() {
        Plugins.assertNoErrors(Plugins.schema(SCHEMA_WRITING_TYPEDEFS));
        assertThat(Plugins.schema(SCHEMA_READING_TYPEDEFS)).isEmpty();
    }

    @Test
    void ngxWrittenByOnePluginIsNotSeenByTheNext() {
        Plugins.assertNoErrors(Plugins.handler(HANDLER_WRITING_NGX));
        assertThat(Plugins.handler(HANDLER_READING_NGX)).isEmpty();
    }

    @Test
    void theStringLibraryCannotBeChangedThroughAString() {
        Plugins.handler("""
                local ok = pcall(function() local s = "" s.rep = nil end)
                return { PRIORITY = 1000, VERSION = "1.0.0" }
                """);
        assertThat(Plugins.handler("""
                return { PRIORITY = 1000, VERSION = ("1"):rep(3, ".") }
                """)).isEmpty();
    }

    @Test
    @Timeout(300)
    void eightThreadsGiveTheSequentialResults() throws Exception {
        Map<String, PluginSource> plugins = mix();
        Map<String, List<Diagnostic>> sequential = new LinkedHashMap<>();
        plugins.forEach((name, source) -> sequential.put(name, Plugins.VALIDATOR.validate(source).diagnostics()));
        assertThat(sequential.values()).anyMatch(List::isEmpty).anyMatch(d -> !Plugins.errors(d).isEmpty());

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map.Entry<String, List<Diagnostic>>>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Map.Entry<String, PluginSource> plugin : plugins.entrySet()) {
                    results.add(threads.submit(() -> Map.entry(plugin.getKey(),
                            Plugins.VALIDATOR.validate(plugin.getValue()).diagnostics())));
                }
            }
            for (Future<Map.Entry<String, List<Diagnostic>>> result : results) {
                Map.Entry<String, List<Diagnostic>> entry = result.get(240, TimeUnit.SECONDS);
                assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(sequential.get(entry.getKey()));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(EvaluationLimitsTest.validatorThreads()).isEmpty();
    }

    /** Valid and invalid plugins, with coroutines, xpcall, writes to shared-looking state, and limits hit. */
    private static Map<String, PluginSource> mix() {
        Map<String, PluginSource> plugins = new LinkedHashMap<>();
        add(plugins, "good", Plugins.GOOD_HANDLER, Plugins.GOOD_SCHEMA);
        add(plugins, "writes-typedefs", Plugins.GOOD_HANDLER, SCHEMA_WRITING_TYPEDEFS);
        add(plugins, "reads-typedefs", Plugins.GOOD_HANDLER, SCHEMA_READING_TYPEDEFS);
        add(plugins, "writes-ngx", HANDLER_WRITING_NGX, Plugins.GOOD_SCHEMA);
        add(plugins, "reads-ngx", HANDLER_READING_NGX, Plugins.GOOD_SCHEMA);
        add(plugins, "generator", """
                local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
                local v = gen() .. "." .. gen() .. "." .. gen()
                local parked = coroutine.create(function() coroutine.yield() end)
                coroutine.resume(parked)
                return { PRIORITY = 10, VERSION = v }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "bad-version-from-coroutine", """
                local co = coroutine.create(function(x) local y = coroutine.yield(x .. "-a") return y .. "-b" end)
                local _, a = coroutine.resume(co, "v1")
                local _, b = coroutine.resume(co, a)
                return { PRIORITY = 10, VERSION = b }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "xpcall", """
                local _, handled = xpcall(function() error("boom", 0) end, function(m) return m .. ".0.0" end)
                return { PRIORITY = 10, VERSION = handled }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "memory-in-coroutine", """
                pcall(coroutine.wrap(function() local s = ("x"):rep(2^31 - 1) return s end))
                return { PRIORITY = 10, VERSION = "1.0.0" }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "too-many-captures", """
                local ok, err = pcall(string.find, "x", ("(x?)"):rep(40))
                return { PRIORITY = 10, VERSION = ok and "1.0.0" or err }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "random", """
                local v = math.random(1, 3) .. "." .. math.random(0, 9) .. "." .. math.floor(math.random() * 3)
                return { PRIORITY = 10, VERSION = math.random(2) == 1 and v or v .. ".0" }
                """, Plugins.GOOD_SCHEMA);
        add(plugins, "computed-name", Plugins.GOOD_HANDLER, """
                local MAX = 10
                return { name = "my-" .. "plugin", fields = { { config = { type = "record", fields = {
                  { n = { type = "integer", description = "at most " .. MAX .. " entries in the list" } } } } } } }
                """);
        return plugins;
    }

    private static void add(Map<String, PluginSource> plugins, String key, String handler, String schema) {
        plugins.put(key, PluginSource.of(Plugins.NAME, handler, schema));
    }
}
