package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.internal.sync.SafeText;
import dev.konnectplugins.model.CustomPlugin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** One custom plugin with its files. */
@Command(name = "get", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Show one custom plugin: its id, tags, handler.lua and schema.lua.")
final class GetCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|ID", description = "the plugin's name or id")
    String plugin;

    @Mixin
    OutputOption output;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        String controlPlane = connection.controlPlane(environment(), "get");
        try (Konnect konnect = connection.connect(environment())) {
            CustomPlugin found;
            try {
                found = konnect.controlPlaneByIdOrName(controlPlane).customPlugins().get(plugin);
            } catch (NotFoundException e) {
                if (String.valueOf(e.getMessage()).startsWith("control plane")) {
                    throw e; // Messages says how to name the control plane
                }
                root.complain("get", "custom plugin '" + plugin + "' not found on control plane '" + controlPlane
                        + "' (" + e.method() + " " + e.path() + ": HTTP " + e.statusCode()
                        + "); `konnect-plugins list` shows the plugins there");
                return ExitCode.KONNECT_ERROR;
            }
            List<String> tags = found.getTags() == null ? List.of() : found.getTags();
            if (output.json()) {
                out().print(Json.write(Json.object("name", found.getName(), "id", found.getId(), "tags", tags,
                        "created_at", found.getCreatedAt(), "updated_at", found.getUpdatedAt(),
                        "handler", found.getHandler(), "schema", found.getSchema())));
            } else {
                out().println("name: " + SafeText.inline(found.getName()));
                out().println("id:   " + SafeText.inline(found.getId()));
                out().println("tags: " + SafeText.inline(String.join(",", tags)));
                out().println("--- handler.lua");
                out().println(SafeText.lines(text(found.getHandler()).stripTrailing()));
                out().println("--- schema.lua");
                out().println(SafeText.lines(text(found.getSchema()).stripTrailing()));
            }
            return ExitCode.OK;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
