package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PagedIterable;
import dev.konnectplugins.internal.sync.SafeText;
import dev.konnectplugins.model.CustomPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The custom plugins of a control plane. */
@Command(name = "list", sortOptions = false, mixinStandardHelpOptions = true,
        description = "List the custom plugins of a control plane: name, id and tags, one per line.")
final class ListCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--tag", paramLabel = "TAG", description = "only plugins with this tag (repeat: with all of them)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--any-tag", description = "with several --tag: plugins with at least one of them")
    boolean anyTag;

    @Mixin
    OutputOption output;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        String controlPlane = connection.controlPlane(environment(), "list");
        ListOptions.Builder filter = ListOptions.builder();
        if (!tags.isEmpty()) {
            String[] values = tags.toArray(String[]::new);
            filter = anyTag ? filter.anyOfTags(values) : filter.tags(values);
        }
        try (Konnect konnect = connection.connect(environment())) {
            // Printed as the pages arrive, one page held at a time: a listing is never collected whole.
            PagedIterable<CustomPlugin> plugins = konnect.controlPlaneByIdOrName(controlPlane).customPlugins()
                    .list(filter.pageSize(ListOptions.MAX_PAGE_SIZE).build());
            if (output.json()) {
                Iterable<Map<String, Object>> objects = () -> plugins.stream().map(ListCommand::jsonObject).iterator();
                Json.writeArray(out(), objects);
            } else {
                plugins.forEach(plugin -> out().println(SafeText.inline(plugin.getName()) + "  "
                        + SafeText.inline(plugin.getId()) + "  " + SafeText.inline(plugin.getTags() == null ? ""
                        : String.join(",", plugin.getTags()))));
            }
            return ExitCode.OK;
        }
    }

    private static Map<String, Object> jsonObject(CustomPlugin plugin) {
        return Json.object("name", plugin.getName(), "id", plugin.getId(), "tags",
                plugin.getTags() == null ? List.of() : plugin.getTags(), "created_at", plugin.getCreatedAt(),
                "updated_at", plugin.getUpdatedAt());
    }
}
