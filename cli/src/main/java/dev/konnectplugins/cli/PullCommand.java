package dev.konnectplugins.cli;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.internal.sync.SafeText;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.PullStatus;
import dev.konnectplugins.sync.PulledPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a control plane's plugins to a folder, so plugins made in the UI can move into git. */
@Command(name = "pull", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Write each custom plugin of a control plane as FOLDER/<name>/handler.lua and schema.lua. "
                + "Local files that differ are kept unless --overwrite.")
final class PullCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", description = "where to write the plugin folders (created if needed)")
    Path folder;

    @Option(names = "--overwrite", description = "replace local files that differ from Konnect's")
    boolean overwrite;

    @Mixin
    OutputOption output;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        String controlPlane = connection.controlPlane(environment(), "pull");
        try (Konnect konnect = connection.connect(environment())) {
            List<PulledPlugin> pulled = PluginSync.of(konnect).pull(controlPlane, folder, overwrite);
            if (output.json()) {
                out().print(Json.write(pulled.stream().map(plugin -> Json.object("name", plugin.name(), "folder",
                        plugin.folder().toString(), "status", plugin.status().name().toLowerCase(Locale.ROOT),
                        "message", plugin.message())).toList()));
            } else {
                pulled.forEach(plugin -> out().println(line(plugin)));
                if (pulled.isEmpty()) {
                    out().println("No custom plugins on " + SafeText.inline(controlPlane) + ".");
                }
            }
            boolean kept = pulled.stream().anyMatch(plugin -> plugin.status() == PullStatus.KEPT_LOCAL
                    || plugin.status() == PullStatus.SKIPPED);
            return kept ? ExitCode.ERROR : ExitCode.OK;
        }
    }

    private static String line(PulledPlugin plugin) {
        return switch (plugin.status()) {
            case WRITTEN -> "Wrote " + SafeText.inline(plugin.folder().toString());
            case UNCHANGED -> "Unchanged " + SafeText.inline(plugin.folder().toString());
            case KEPT_LOCAL, SKIPPED -> "Kept " + SafeText.inline(plugin.name() + ": " + plugin.message());
        };
    }
}
