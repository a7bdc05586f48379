package dev.konnectplugins.sync;

import dev.konnectplugins.ControlPlaneClient;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.internal.sync.Texts;
import dev.konnectplugins.internal.sync.UnifiedDiff;
import dev.konnectplugins.model.CustomPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works out a {@link SyncPlan}: reads the control plane's plugins in one listing and, only when an update or delete is
 * planned, which instances use them ({@link PluginUsage}).
 */
final class Planner {
    private final ControlPlaneClient controlPlane;
    private final SyncOptions options;

    Planner(ControlPlaneClient controlPlane, SyncOptions options) {
        this.controlPlane = controlPlane;
        this.options = options;
    }

    /** The plan; {@code warnings} are the validator's, by plugin name, kept on each plugin's change. */
    SyncPlan plan(String label, DesiredState desired, Map<String, List<Diagnostic>> warnings) {
        Map<String, CustomPlugin> remote = new TreeMap<>();
        controlPlane.customPlugins().list(ListOptions.builder().pageSize(ListOptions.MAX_PAGE_SIZE).build())
                // Only the files of plugins there are here to compare are kept: a listing is not held whole.
                .forEach(plugin -> remote.put(plugin.getName(), desired.plugin(plugin.getName()).isPresent() ? plugin
                        : plugin.handler(null).schema(null)));
        List<PlannedChange> changes = new ArrayList<>();
        for (PluginSource source : desired.plugins()) {
            PluginSource target = source.withTags(tagsFor(source));
            CustomPlugin existing = remote.get(source.name());
            PlannedChange change = existing == null ? create(target) : compare(existing, target);
            changes.add(change.withWarnings(warnings.getOrDefault(source.name(), List.of())));
        }
        for (CustomPlugin existing : remote.values()) {
            if (desired.plugin(existing.getName()).isEmpty()) {
                changes.add(absentLocally(existing));
            }
        }
        changes = blockChangesInUse(changes);
        changes.sort(Comparator.comparing(PlannedChange::name));
        return new SyncPlan(label, controlPlane.id(), changes, options, null);
    }

    /**
     * Kong refuses to change or delete a plugin that instances use: such updates and deletes become BLOCKED. Only
     * they are looked up, all at once (an unchanged control plane costs no request here).
     */
    private List<PlannedChange> blockChangesInUse(List<PlannedChange> changes) {
        Set<String> toCheck = new HashSet<>();
        for (PlannedChange change : changes) {
            if (change.action() == ChangeAction.UPDATE || change.action() == ChangeAction.DELETE) {
                toCheck.add(change.name());
            }
        }
        PluginUsage usage = PluginUsage.read(controlPlane.pluginInstances(), toCheck);
        List<PlannedChange> checked = new ArrayList<>(changes.size());
        for (PlannedChange change : changes) {
            List<String> instances = toCheck.contains(change.name()) ? usage.instancesOf(change.name()) : List.of();
            checked.add(instances.isEmpty() ? change : blocked(change, instances));
        }
        return checked;
    }

    private static PlannedChange blocked(PlannedChange change, List<String> instances) {
        String name = change.name();
        String advice = change.action() == ChangeAction.UPDATE
                ? " Publish the change under a new name (such as " + name + "-v2, with that name in schema.lua), "
                        + "move the instances to it, then prune " + name + "."
                : " Move or delete the instances first.";
        return new PlannedChange(name, ChangeAction.BLOCKED, change.action(), change.changedParts(), change.diff(),
                inUse(name, instances) + advice, instances, change.desired().orElse(null))
                .withWarnings(change.warnings());
    }

    /** The managed tag first, then the options' tags, then the plugin's own, without repeats. */
    private List<String> tagsFor(PluginSource source) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(options.managedTag());
        tags.addAll(options.tags());
        tags.addAll(source.tags());
        return List.copyOf(tags);
    }

    private static PlannedChange create(PluginSource target) {
        return new PlannedChange(target.name(), ChangeAction.CREATE, null, Set.of(), List.of(), "", List.of(),
                target);
    }

    private PlannedChange compare(CustomPlugin existing, PluginSource target) {
        Set<ChangedPart> parts = EnumSet.noneOf(ChangedPart.class);
        List<String> diff = new ArrayList<>();
        String name = target.name();
        if (!Texts.same(text(existing.getHandler()), target.handler())) {
            parts.add(ChangedPart.HANDLER);
            diff.addAll(fileDiff(name, PluginSource.HANDLER_FILE, text(existing.getHandler()), target.handler()));
        }
        if (!Texts.same(text(existing.getSchema()), target.schema())) {
            parts.add(ChangedPart.SCHEMA);
            diff.addAll(fileDiff(name, PluginSource.SCHEMA_FILE, text(existing.getSchema()), target.schema()));
        }
        List<String> remoteTags = tags(existing);
        if (!new HashSet<>(remoteTags).equals(new HashSet<>(target.tags()))) {
            parts.add(ChangedPart.TAGS);
            diff.add("tags: " + remoteTags + " -> " + target.tags());
        }
        if (parts.isEmpty()) {
            return new PlannedChange(name, ChangeAction.UNCHANGED, null, parts, List.of(), "", List.of(), target);
        }
        if (!isManaged(existing) && !options.adopt()) {
            return new PlannedChange(name, ChangeAction.BLOCKED, ChangeAction.UPDATE, parts, diff,
                    "not managed (no tag '" + options.managedTag() + "'): it was made by hand or by another tool; "
                            + "adopt it (--adopt) to let this sync update it", List.of(), target);
        }
        return new PlannedChange(name, ChangeAction.UPDATE, null, parts, diff, "", List.of(), target);
    }

    private PlannedChange absentLocally(CustomPlugin existing) {
        String name = existing.getName();
        if (!isManaged(existing)) {
            return new PlannedChange(name, ChangeAction.LEFT_ALONE, null, Set.of(), List.of(),
                    "not managed (no tag '" + options.managedTag() + "')", List.of(), null);
        }
        if (!options.prune()) {
            return new PlannedChange(name, ChangeAction.LEFT_ALONE, null, Set.of(), List.of(),
                    "managed but not in the folder; kept (prune would delete it)", List.of(), null);
        }
        return new PlannedChange(name, ChangeAction.DELETE, null, Set.of(), List.of(), "", List.of(), null);
    }

    private boolean isManaged(CustomPlugin plugin) {
        return tags(plugin).contains(options.managedTag());
    }

    private static String inUse(String name, List<String> instances) {
        return "in use by " + instances.size() + " plugin instance" + (instances.size() == 1 ? "" : "s") + " ("
                + String.join(", ", instances) + "): Kong refuses to change or delete " + name + " while it is used.";
    }

    private List<String> fileDiff(String name, String file, String konnect, String local) {
        return UnifiedDiff.of("konnect/" + name + "/" + file, konnect, "local/" + name + "/" + file, local,
                options.diffLineLimit());
    }

    private static List<String> tags(CustomPlugin plugin) {
        return plugin.getTags() == null ? List.of() : plugin.getTags();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
