package dev.konnectplugins.cli;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginInUseException;
import dev.konnectplugins.internal.sync.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Deletes custom plugins by name; a plugin in use is refused, naming its instances. */
@Command(name = "delete", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Delete custom plugins by name or id. One that is already gone is not an error; one in use "
                + "by plugin instances is refused (exit 1).")
final class DeleteCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|ID", arity = "1..*", description = "the plugins to delete")
    List<String> plugins;

    @Mixin
    OutputOption output;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        String controlPlane = connection.controlPlane(environment(), "delete");
        try (Konnect konnect = connection.connect(environment())) {
            CustomPlugins customPlugins = konnect.controlPlaneByIdOrName(controlPlane).customPlugins();
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (String plugin : plugins) {
                outcomes.add(deleteOne(customPlugins, plugin));
            }
            if (output.json()) {
                out().print(Json.write(outcomes));
            }
            return outcomes.stream().anyMatch(outcome -> "in use".equals(outcome.get("status"))) ? ExitCode.ERROR
                    : ExitCode.OK;
        }
    }

    private Map<String, Object> deleteOne(CustomPlugins customPlugins, String plugin) {
        if (customPlugins.find(plugin).isEmpty()) {
            text("Not found, nothing to delete: " + SafeText.inline(plugin));
            return Json.object("name", plugin, "status", "not found");
        }
        try {
            customPlugins.delete(plugin);
            text("Deleted " + SafeText.inline(plugin));
            return Json.object("name", plugin, "status", "deleted");
        } catch (PluginInUseException e) {
            root.complain("delete", plugin + " is in use by plugin instances " + e.instanceIds()
                    + "; delete or move them first");
            return Json.object("name", plugin, "status", "in use", "instance_ids", e.instanceIds());
        }
    }

    private void text(String line) {
        if (!output.json()) {
            out().println(line);
        }
    }
}
