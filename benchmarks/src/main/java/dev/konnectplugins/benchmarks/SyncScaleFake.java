package dev.konnectplugins.benchmarks;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncOptions;
import dev.konnectplugins.sync.SyncResult;
import dev.konnectplugins.testkit.FakeKonnect;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake side of {@link SyncScaleBenchmark}, in a JVM of its own so that its state and request journal stay out of
 * the measured heap. Serves a {@link FakeKonnect} (Kong's upload checks off: the sync is measured, not the fake) and
 * takes commands on standard input, one a line, answering each with one line:
 * {@code seed} (puts every control plane back in its state before the sync), {@code limit N}, {@code nolimit},
 * {@code refused} (requests the rate limit answered 429 so far). It exits at the end of its input.
 */
public final class SyncScaleFake {
    private final SyncFleet fleet;
    private final FakeKonnect fake = FakeKonnect.builder().kongChecks(false).start();
    private final List<String> ids = new ArrayList<>();
    private boolean seeded;

    private SyncScaleFake(SyncFleet fleet) {
        this.fleet = fleet;
    }

    /**
     * Usage: {@code SyncScaleFake CONTROL_PLANES PLUGINS}. Prints {@code url URL}, {@code token TOKEN} and
     * {@code cp ID NAME} per control plane, then {@code ready}.
     *
     * @param args the fleet's size
     * @throws Exception when the fake cannot start or seed
     */
    public static void main(String[] args) throws Exception {
        SyncScaleFake main = new SyncScaleFake(new SyncFleet(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
        try (main.fake) {
            main.announce();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(main.command(line.trim()));
                System.out.flush();
            }
        }
    }

    private void announce() {
        System.out.println("url " + fake.baseUrl());
        System.out.println("token " + fake.token());
        for (String name : fleet.controlPlaneNames()) {
            String id = fake.addControlPlane(name);
            ids.add(id);
            System.out.println("cp " + id + " " + name);
        }
        System.out.println("ready");
        System.out.flush();
    }

    private String command(String line) {
        String[] words = line.split(" ");
        switch (words[0]) {
            case "seed" -> seed();
            case "limit" -> fake.rateLimit(Integer.parseInt(words[1]));
            case "nolimit" -> fake.noRateLimit();
            case "refused" -> {
                return Long.toString(fake.rateLimitedCount());
            }
            default -> {
                return "error: unknown command " + line;
            }
        }
        return "ok";
    }

    /** Everything in sync first (once), then each control plane as its kind says; the journal emptied. */
    private void seed() {
        fake.noRateLimit();
        try (Konnect konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token())
                .validateBeforeUpload(false).build()) {
            if (!seeded) {
                List<SyncResult> results = PluginSync.of(konnect).syncAll(fleet.controlPlaneNames(),
                        DesiredState.of(fleet.desired()), SyncOptions.builder().parallelism(8).build());
                if (!results.stream().allMatch(SyncResult::converged)) {
                    throw new IllegalStateException("seeding failed: " + results);
                }
                seeded = true;
            }
            for (int i = 0; i < ids.size(); i++) {
                restore(konnect, ids.get(i), SyncFleet.kind(i));
            }
        }
        fake.wireMock().resetRequests();
    }

    private void restore(Konnect konnect, String id, SyncFleet.Kind kind) {
        fake.markNotInUse(id, SyncFleet.BUNDLED_PLUGIN);
        for (int i = 0; i < fleet.plugins; i++) {
            fake.markNotInUse(id, SyncFleet.pluginName(i));
        }
        for (int plugin : fleet.outdated(kind)) {
            PluginSource old = fleet.outdated(plugin);
            konnect.controlPlane(id).customPlugins().upsert(old);
        }
        for (int plugin : fleet.missing(kind)) {
            konnect.controlPlane(id).customPlugins().delete(SyncFleet.pluginName(plugin));
        }
        for (int i = 0; i < SyncFleet.BUNDLED_INSTANCES; i++) {
            fake.addPluginInstance(id, SyncFleet.BUNDLED_PLUGIN);
        }
        for (int plugin : fleet.inUse(kind)) {
            fake.addPluginInstance(id, SyncFleet.pluginName(plugin));
        }
    }
}
