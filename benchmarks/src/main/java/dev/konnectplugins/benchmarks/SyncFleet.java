package dev.konnectplugins.benchmarks;

import dev.konnectplugins.PluginSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The control planes and plugins of the sync-scale benchmark, the same in the fake's JVM (which seeds them) and the
 * client's (which syncs them). A quarter of the control planes each way: half unchanged, a quarter with 10 outdated
 * plugins (2 of them in use, so blocked), a quarter with 10 missing and 5 outdated (1 in use). Every control plane
 * also has 5 desired plugins in use and unchanged, and 20 instances of a bundled plugin.
 */
final class SyncFleet {
    static final String MANAGED_TAG = "konnect-plugins-managed";
    static final String BUNDLED_PLUGIN = "rate-limiting";
    static final int BUNDLED_INSTANCES = 20;

    /** What a control plane holds before the sync. */
    enum Kind { UNCHANGED, UPDATED, CREATED }

    final int controlPlanes;
    final int plugins;

    SyncFleet(int controlPlanes, int plugins) {
        if (plugins < 30) {
            throw new IllegalArgumentException("--plugins must be at least 30 for the mix, not " + plugins);
        }
        this.controlPlanes = controlPlanes;
        this.plugins = plugins;
    }

    static String controlPlaneName(int index) {
        return String.format("fleet-%03d", index);
    }

    List<String> controlPlaneNames() {
        return IntStream.range(0, controlPlanes).mapToObj(SyncFleet::controlPlaneName).toList();
    }

    static Kind kind(int controlPlane) {
        return switch (controlPlane % 4) {
            case 2 -> Kind.UPDATED;
            case 3 -> Kind.CREATED;
            default -> Kind.UNCHANGED;
        };
    }

    static String pluginName(int index) {
        return String.format("fleet-plugin-%02d", index);
    }

    /** The desired state: every plugin at version 1.1.0. */
    List<PluginSource> desired() {
        List<PluginSource> sources = new ArrayList<>();
        for (int i = 0; i < plugins; i++) {
            sources.add(plugin(i, "1.1.0"));
        }
        return sources;
    }

    /** Version 1.0.0 of a plugin, managed, as an earlier sync left it. */
    PluginSource outdated(int index) {
        return plugin(index, "1.0.0").withTags(MANAGED_TAG);
    }

    /** Plugins whose remote copy is outdated before the sync. */
    List<Integer> outdated(Kind kind) {
        return switch (kind) {
            case UPDATED -> range(0, 10);
            case CREATED -> range(10, 15);
            case UNCHANGED -> List.of();
        };
    }

    /** Plugins missing remotely before the sync. */
    List<Integer> missing(Kind kind) {
        return kind == Kind.CREATED ? range(plugins - 10, plugins) : List.of();
    }

    /** Plugins that plugin instances use: 5 unchanged ones everywhere, and outdated ones whose update is blocked. */
    List<Integer> inUse(Kind kind) {
        List<Integer> used = new ArrayList<>(range(20, 25));
        switch (kind) {
            case UPDATED -> used.addAll(List.of(0, 1));
            case CREATED -> used.add(10);
            case UNCHANGED -> { }
        }
        return used;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static PluginSource plugin(int index, String version) {
        String name = pluginName(index);
        String handler = SamplePlugins.TEMPLATE_HANDLER.replace("\"0.1\"", "\"" + version + "\"")
                .replace("this is on a request", "from " + name + " " + version);
        String schema = SamplePlugins.TEMPLATE_SCHEMA.replace("\"myplugin\"", "\"" + name + "\"");
        return PluginSource.of(name, handler, schema);
    }
}
