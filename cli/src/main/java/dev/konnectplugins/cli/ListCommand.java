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
                // aligned a page at a time (up to 100 plugins): one page is held, never the whole listing
                plugins.iterableByPage().forEach(page -> printTable(page.items()));
            }
            return ExitCode.OK;
        }
    }

    private static Map<String, Object> jsonObject(CustomPlugin plugin) {
        return Json.object("name", plugin.getName(), "id", plugin.getId(), "tags",
                plugin.getTags() == null ? List.of() : plugin.getTags(), "created_at", plugin.getCreatedAt(),
                "updated_at", plugin.getUpdatedAt());
    }

    /** Name, id and tags in aligned columns: the name column as wide as the page's longest name. */
    private void printTable(List<CustomPlugin> plugins) {
        List<String> names = plugins.stream().map(plugin -> SafeText.inline(plugin.getName())).toList();
        int width = names.stream().mapToInt(String::length).max().orElse(1);
        for (int i = 0; i < plugins.size(); i++) {
            CustomPlugin plugin = plugins.get(i);
            String tags = plugin.getTags() == null ? "" : String.join(",", plugin.getTags());
            out().println(String.format("%-" + width + "s  %s  %s", names.get(i), SafeText.inline(plugin.getId()),
                    SafeText.inline(tags)).stripTrailing());
        }
    }
}
