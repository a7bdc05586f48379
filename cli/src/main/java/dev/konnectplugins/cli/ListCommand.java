package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.model.CustomPlugin;
import java.util.ArrayList;
import java.util.List;
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
            List<CustomPlugin> plugins = konnect.controlPlaneByIdOrName(controlPlane).customPlugins()
                    .list(filter.pageSize(ListOptions.MAX_PAGE_SIZE).build()).stream().toList();
            if (output.json()) {
                out().print(Json.write(plugins.stream().map(plugin -> Json.object("name", plugin.getName(), "id",
                        plugin.getId(), "tags", plugin.getTags() == null ? List.of() : plugin.getTags(),
                        "created_at", plugin.getCreatedAt(), "updated_at", plugin.getUpdatedAt())).toList()));
            } else {
                printTable(plugins);
            }
            return ExitCode.OK;
        }
    }

    /** Name, id and tags in aligned columns: the name column as wide as the longest name. */
    private void printTable(List<CustomPlugin> plugins) {
        int width = plugins.stream().mapToInt(plugin -> plugin.getName().length()).max().orElse(0);
        for (CustomPlugin plugin : plugins) {
            String tags = plugin.getTags() == null ? "" : String.join(",", plugin.getTags());
            out().println((String.format("%-" + width + "s  %s  %s", plugin.getName(), plugin.getId(), tags))
                    .stripTrailing());
        }
    }
}
