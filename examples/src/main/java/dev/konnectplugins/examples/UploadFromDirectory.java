package dev.konnectplugins.examples;

import dev.konnectplugins.PluginSource;
import dev.konnectplugins.model.CustomPlugin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Uploads a plugin directory ({@code handler.lua} + {@code schema.lua}; the folder name is the plugin name), creating
 * the plugin or replacing the one of the same name.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.konnectplugins.examples.UploadFromDirectory \
 *     -Dexec.args="path/to/my-plugin team-a"
 * </pre>
 *
 * Arguments: the plugin directory (default: the sample plugin), then tags.
 */
public final class UploadFromDirectory {
    private UploadFromDirectory() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, UploadFromDirectory::run);
    }

    static void run(ExampleKonnect konnect, PrintStream out, String[] args) {
        Path directory = args.length > 0 ? Path.of(args[0]) : SamplePlugin.directory();
        String[] tags = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"examples"};

        PluginSource source = PluginSource.fromDirectory(directory).withTags(tags);
        // upsert: a PUT by name, so running this twice updates instead of failing on the duplicate name.
        CustomPlugin plugin = konnect.customPlugins().upsert(source);

        out.println("Uploaded " + plugin.getName() + " from " + directory + " (id " + plugin.getId() + ", version "
                + SamplePlugin.version(plugin.getHandler()) + ", tags " + String.join(", ", plugin.getTags()) + ")");
    }
}
