package dev.konnectplugins.sync;

import dev.konnectplugins.Page;
import dev.konnectplugins.PluginInstances;
import dev.konnectplugins.model.PluginInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which plugin instances use the custom plugins a plan would change or delete, read with as few requests as the API
 * allows: none when no plugin needs checking, one filtered listing for a single plugin, and for several one listing
 * of every instance of the control plane (1,000 a page), which usually fits in one page. A control plane with so
 * many instances that the full listing would take more pages than there are plugins to check is asked plugin by
 * plugin instead, so a plan never costs more than twice the per-plugin requests.
 */
final class PluginUsage {
    private final Map<String, List<String>> instancesByPlugin;

    private PluginUsage(Map<String, List<String>> instancesByPlugin) {
        this.instancesByPlugin = instancesByPlugin;
    }

    /** Reads the instances of {@code pluginNames} from {@code instances}. */
    static PluginUsage read(PluginInstances instances, Set<String> pluginNames) {
        if (pluginNames.isEmpty()) {
            return new PluginUsage(Map.of());
        }
        if (pluginNames.size() > 1) {
            Map<String, List<String>> listed = fromFullListing(instances, pluginNames);
            if (listed != null) {
                return new PluginUsage(listed);
            }
        }
        Map<String, List<String>> byPlugin = new HashMap<>();
        for (String name : pluginNames) {
            List<String> ids = instances.listByPluginName(name).stream().map(PluginInstance::getId).toList();
            byPlugin.put(name, ids);
        }
        return new PluginUsage(byPlugin);
    }

    /** The instances by plugin from one walk of every instance, or null when it would take too many pages. */
    private static Map<String, List<String>> fromFullListing(PluginInstances instances, Set<String> pluginNames) {
        Map<String, List<String>> byPlugin = new HashMap<>();
        int pages = 0;
        for (Page<PluginInstance> page : instances.list().iterableByPage()) {
            pages++;
            for (PluginInstance instance : page.items()) {
                if (pluginNames.contains(instance.getName())) {
                    byPlugin.computeIfAbsent(instance.getName(), name -> new ArrayList<>()).add(instance.getId());
                }
            }
            if (page.hasNext() && pages >= pluginNames.size()) {
                return null;
            }
        }
        return byPlugin;
    }

    /** {@return the ids of the instances that use the plugin, empty when none does or it was not asked about} */
    List<String> instancesOf(String pluginName) {
        return instancesByPlugin.getOrDefault(pluginName, List.of());
    }
}
