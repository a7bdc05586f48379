package dev.konnectplugins.examples;

import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.PluginValidationException;
import dev.konnectplugins.model.CustomPlugin;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole life of a custom plugin, one line per step: validate the sample plugin, upload it, list, update, read
 * it back and delete it.
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl examples exec:java
 * </pre>
 *
 * Without {@code KONNECT_TOKEN} and {@code KONNECT_CONTROL_PLANE} it runs against an embedded fake Konnect. With them
 * it uses your organization, and removes what it created, even when a step fails.
 */
public final class Quickstart {
    static final String TAG = "quickstart";

    private Quickstart() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, Quickstart::run);
    }

    static void run(ExampleKonnect konnect, PrintStream out, String[] args) {
        CustomPlugins plugins = konnect.customPlugins();
        PluginSource source = PluginSource.fromDirectory(SamplePlugin.directory()).withTags(TAG);
        validate(konnect, source, out);
        if (plugins.find(source.name()).isPresent()) {
            // Never touch a plugin the Quickstart did not create: it may be someone's production plugin.
            throw new IllegalStateException("A plugin named " + source.name() + " already exists on this control "
                    + "plane; the Quickstart leaves it alone. Delete it first, or use another control plane.");
        }
        CustomPlugin created = plugins.create(source);
        out.println("Uploaded " + created.getName() + " (id " + created.getId() + ")");
        try {
            listUpdateAndReadBack(plugins, source, out);
        } catch (RuntimeException failure) {
            deleteQuietly(plugins, created, failure);
            throw failure;
        }
        plugins.delete(created.getId());
        out.println("Deleted " + created.getName());
        out.println("Done.");
    }

    private static void listUpdateAndReadBack(CustomPlugins plugins, PluginSource source, PrintStream out) {
        List<String> listed = plugins.list(ListOptions.builder().tags(TAG).build()).stream()
                .map(CustomPlugin::getName).collect(Collectors.toList());
        out.println("Listed " + listed.size() + (listed.size() == 1 ? " plugin" : " plugins") + " tagged " + TAG
                + ": " + String.join(", ", listed));

        String newVersion = "1.1.0";
        PluginSource release = PluginSource.of(source.name(), SamplePlugin.withVersion(source.handler(), newVersion),
                source.schema()).withTags(TAG, "release-" + newVersion);
        CustomPlugin updated = plugins.upsert(release);
        out.println("Updated " + updated.getName() + " to version " + newVersion);

        CustomPlugin readBack = plugins.get(updated.getId());
        out.println("Read back " + readBack.getName() + ": version " + SamplePlugin.version(readBack.getHandler())
                + ", tags " + String.join(", ", readBack.getTags()));
    }

    /**
     * Runs the offline checks that {@code create} and {@code upsert} run before sending; sdk-validation provides
     * them, and without it there is nothing to run.
     */
    private static void validate(ExampleKonnect konnect, PluginSource source, PrintStream out) {
        if (!konnect.konnect().validatesBeforeUpload()) {
            out.println("Skipped validation of " + source.name() + ": sdk-validation is not on the class path");
            return;
        }
        List<Diagnostic> findings = konnect.customPlugins().validate(source);
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            throw new PluginValidationException(source.name(), findings);
        }
        out.println("Validated " + source.name() + ": " + (findings.isEmpty() ? "no problems"
                : findings.size() + (findings.size() == 1 ? " warning" : " warnings")));
        findings.forEach(warning -> out.println("  " + warning));
    }

    private static void deleteQuietly(CustomPlugins plugins, CustomPlugin created, RuntimeException failure) {
        try {
            plugins.delete(created.getId());
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
