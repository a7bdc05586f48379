package dev.konnectplugins.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import dev.konnectplugins.testkit.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sync of 20 control planes x 10 plugins against the fake, counting requests (not time): what each control plane
 * costs, and that a sync under the organisation's rate limit, with the client's limit set to it, fails no write.
 * Even control planes are unchanged; odd ones have 3 outdated plugins (one of them in use) and 2 missing. The
 * benchmark of 200 x 50 is benchmarks/sync-scale.sh.
 */
class ManyControlPlanesSyncTest {
    private static final int CONTROL_PLANES = 20;
    private static final int PLUGINS = 10;
    private static final int RATE = 25;
    private static final Pattern BY_ID = Pattern.compile("^/v2/control-planes/([0-9a-f-]{36})(/.*)?$");
    private static final Pattern BY_NAME = Pattern.compile("filter%5Bname%5D%5Beq%5D=([^&]+)");

    @RegisterExtension
    static final FakeKonnectExtension KONNECT = new FakeKonnectExtension(FakeKonnect.builder().kongChecks(false));

    private FakeKonnect fake;
    private final Map<String, String> namesById = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final DesiredState desired = DesiredState.of(plugins("X-Current"));

    @BeforeEach
    void seed() {
        fake = KONNECT.fake();
        for (int i = 0; i < CONTROL_PLANES; i++) {
            String name = String.format("cp-%02d", i);
            namesById.put(fake.addControlPlane(name), name);
            names.add(name);
        }
        // Seeding skips the client's validation: the sync under test validates with the default client.
        try (Konnect konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token())
                .validateBeforeUpload(false).build()) {
            assertThat(PluginSync.of(konnect).syncAll(names, desired, SyncOptions.defaults()))
                    .hasSize(CONTROL_PLANES).allMatch(SyncResult::succeeded);
            namesById.forEach((id, name) -> {
                fake.addPluginInstance(id, "plugin-05");
                if (isChanged(name)) {
                    outdate(konnect, id);
                }
            });
        }
        fake.wireMock().resetRequests();
    }

    @AfterEach
    void liftTheLimit() {
        fake.noRateLimit();
    }

    @Test
    void anUnchangedControlPlaneCostsALookupAndOneListing() {
        List<SyncResult> results;
        try (Konnect konnect = client(0)) {
            results = PluginSync.of(konnect).syncAll(names, desired, SyncOptions.defaults());
        }

        Map<String, Map<String, Integer>> requests = requestsByControlPlane();
        assertThat(requests).hasSize(CONTROL_PLANES);
        requests.forEach((name, kinds) -> {
            if (isChanged(name)) {
                assertThat(kinds).as(name).containsExactlyInAnyOrderEntriesOf(Map.of("lookup", 1,
                        "list custom plugins", 1, "list plugin instances", 1, "PUT custom plugin", 4));
            } else {
                assertThat(kinds).as(name).containsExactlyInAnyOrderEntriesOf(Map.of("lookup", 1,
                        "list custom plugins", 1));
            }
        });
        assertThat(results).hasSize(CONTROL_PLANES).allSatisfy(result -> {
            assertThat(result.outcomes(OutcomeStatus.FAILED)).isEmpty();
            assertThat(result.outcomes(OutcomeStatus.DONE)).hasSize(isChanged(result.plan().controlPlane()) ? 4 : 0);
        });
    }

    @Test
    void underTheOrganisationsRateLimitTheClientsLimitLetsNoWriteFail() {
        fake.rateLimit(RATE);
        List<SyncResult> results;
        try (Konnect konnect = client(RATE)) {
            results = PluginSync.of(konnect).syncAll(names, desired, SyncOptions.defaults());
        }

        assertThat(results).hasSize(CONTROL_PLANES).allSatisfy(result -> {
            assertThat(result.plan().failure()).isEmpty();
            assertThat(result.outcomes(OutcomeStatus.FAILED)).isEmpty();
        });
        assertThat(results.stream().mapToInt(result -> result.outcomes(OutcomeStatus.DONE).size()).sum())
                .isEqualTo(CONTROL_PLANES / 2 * 4);
        namesById.forEach((id, name) -> assertThat(fake.customPlugins(id)).as(name).hasSize(PLUGINS));
    }

    private Konnect client(int maxRequestsPerSecond) {
        Konnect.Builder builder = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token());
        return (maxRequestsPerSecond > 0 ? builder.maxRequestsPerSecond(maxRequestsPerSecond) : builder).build();
    }

    private static boolean isChanged(String name) {
        return Integer.parseInt(name.substring(3)) % 2 == 1;
    }

    /** plugin-00 to -02 outdated (-00 in use, so its update is blocked), -08 and -09 missing. */
    private void outdate(Konnect konnect, String controlPlaneId) {
        List<PluginSource> old = plugins("X-Old");
        for (int i = 0; i < 3; i++) {
            konnect.controlPlane(controlPlaneId).customPlugins()
                    .upsert(old.get(i).withTags(SyncOptions.DEFAULT_MANAGED_TAG));
        }
        konnect.controlPlane(controlPlaneId).customPlugins().delete("plugin-08");
        konnect.controlPlane(controlPlaneId).customPlugins().delete("plugin-09");
        fake.addPluginInstance(controlPlaneId, "plugin-00");
    }

    private static List<PluginSource> plugins(String header) {
        List<PluginSource> plugins = new ArrayList<>();
        for (int i = 0; i < PLUGINS; i++) {
            String name = String.format("plugin-%02d", i);
            plugins.add(PluginSource.of(name, Plugins.handler(header + "-" + i), Plugins.schema(name)));
        }
        return plugins;
    }

    /** Control plane name -> kind of request -> count, from the fake's journal. */
    private Map<String, Map<String, Integer>> requestsByControlPlane() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (RecordedRequest request : fake.requests()) {
            Matcher byId = BY_ID.matcher(request.url());
            Matcher byName = BY_NAME.matcher(request.url());
            String name = byId.matches() ? namesById.get(byId.group(1))
                    : byName.find() ? URLDecoder.decode(byName.group(1), StandardCharsets.UTF_8) : "?";
            counts.computeIfAbsent(name, key -> new TreeMap<>()).merge(kind(request), 1, Integer::sum);
        }
        return counts;
    }

    private static String kind(RecordedRequest request) {
        String url = request.url();
        if (url.startsWith("/v2/control-planes?")) {
            return "lookup";
        }
        if (url.contains("/core-entities/plugins")) {
            return "list plugin instances";
        }
        if (url.contains("/custom-plugins?") || url.endsWith("/custom-plugins")) {
            return request.method().equals("GET") ? "list custom plugins" : request.method() + " custom plugins";
        }
        return request.method() + " custom plugin";
    }
}
