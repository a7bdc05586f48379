package dev.konnectplugins.cli;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginInUseException;
import java.util.List;
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
    ConnectionOptions connection;

    @Override
    public Integer call() {
        String controlPlane = connection.controlPlane(environment(), "delete");
        try (Konnect konnect = connection.connect(environment())) {
            CustomPlugins customPlugins = konnect.controlPlaneByIdOrName(controlPlane).customPlugins();
            int exitCode = ExitCode.OK;
            for (String plugin : plugins) {
                if (customPlugins.find(plugin).isEmpty()) {
                    out().println("Not found, nothing to delete: " + plugin);
                    continue;
                }
                try {
                    customPlugins.delete(plugin);
                    out().println("Deleted " + plugin);
                } catch (PluginInUseException e) {
                    root.complain("delete", plugin + " is in use by plugin instances " + e.instanceIds()
                            + "; delete or move them first");
                    exitCode = ExitCode.REFUSED;
                }
            }
            return exitCode;
        }
    }
}
