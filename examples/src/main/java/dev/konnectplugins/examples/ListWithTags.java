package dev.konnectplugins.examples;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PagedIterable;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.model.CustomPlugin;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists custom plugins by tag: those with all the tags, those with any of them, and everything page by page.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.konnectplugins.examples.ListWithTags -Dexec.args="team-a prod"
 * </pre>
 *
 * Arguments: the tags (default {@code team-a prod}). Against the embedded fake it first uploads three small plugins
 * to have something to list.
 */
public final class ListWithTags {
    private ListWithTags() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, ListWithTags::run);
    }

    static void run(ExampleKonnect konnect, PrintStream out, String[] args) {
        CustomPlugins plugins = konnect.customPlugins();
        konnect.fake().ifPresent(fake -> uploadSamples(plugins, out));
        String[] tags = args.length > 0 ? args : new String[] {"team-a", "prod"};

        print(out, "tagged " + String.join(" and ", tags), plugins.list(ListOptions.builder().tags(tags).build()));
        print(out, "tagged " + String.join(" or ", tags),
                plugins.list(ListOptions.builder().anyOfTags(tags).build()));

        // Pages are fetched lazily, one request each; a stream stops asking as soon as it has what it needs.
        plugins.list(ListOptions.builder().pageSize(2).build()).streamByPage()
                .forEach(page -> out.println("Page of " + page.items().size() + ": " + names(page.items())));
    }

    private static void print(PrintStream out, String what, PagedIterable<CustomPlugin> plugins) {
        List<CustomPlugin> all = plugins.stream().collect(Collectors.toList());
        out.println("Plugins " + what + ": " + (all.isEmpty() ? "none" : names(all)));
    }

    private static String names(List<CustomPlugin> plugins) {
        return plugins.stream().map(CustomPlugin::getName).collect(Collectors.joining(", "));
    }

    private static void uploadSamples(CustomPlugins plugins, PrintStream out) {
        plugins.create(minimalPlugin("team-a-auth").withTags("team-a", "prod"));
        plugins.create(minimalPlugin("team-a-cache").withTags("team-a"));
        plugins.create(minimalPlugin("team-b-audit").withTags("team-b", "prod"));
        out.println("Uploaded team-a-auth (team-a, prod), team-a-cache (team-a), team-b-audit (team-b, prod)");
    }

    /** The smallest plugin Konnect accepts: a handler with PRIORITY and VERSION, a schema with a config record. */
    static PluginSource minimalPlugin(String name) {
        String handler = "local Handler = { PRIORITY = 1000, VERSION = \"1.0.0\" }\n\n"
                + "function Handler:access(conf)\n  kong.service.request.set_header(\"X-Plugin\", \"" + name + "\")\n"
                + "end\n\nreturn Handler\n";
        String schema = "local typedefs = require \"kong.db.schema.typedefs\"\n\n"
                + "return {\n  name = \"" + name + "\",\n  fields = {\n"
                + "    { protocols = typedefs.protocols_http },\n"
                + "    { config = { type = \"record\", fields = {} } },\n  },\n}\n";
        return PluginSource.of(name, handler, schema);
    }
}
