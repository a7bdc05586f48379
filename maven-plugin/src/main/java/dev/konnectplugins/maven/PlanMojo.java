package dev.konnectplugins.maven;

import dev.konnectplugins.sync.ChangeAction;
import dev.konnectplugins.sync.DesiredState;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.sync.SyncPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what {@code sync} would change on each control plane, with diffs of the Lua, as the CLI's {@code plan}
 * does; writes nothing to Konnect. The plans also go to {@code target/konnect-plugins/plan.json}. A blocked change
 * fails the build, and so, with {@code failOnChanges}, does any change: a drift check for CI.
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends AbstractSyncMojo {
    /** Fails the build when a control plane differs from the plugins directory (a drift check). */
    @Parameter(property = "konnect-plugins.failOnChanges", defaultValue = "false")
    private boolean failOnChanges;

    /** Creates the goal; Maven sets its parameters. */
    public PlanMojo() {
    }

    @Override
    void run(PluginSync sync, List<String> controlPlanes, DesiredState desired)
            throws MojoExecutionException, MojoFailureException {
        List<SyncPlan> plans = sync.planAll(controlPlanes, desired, options().build());
        plans.stream().filter(plan -> plan.failure().isEmpty()).forEach(plan -> logText(plan.toText()));
        logWarnings(desired, plans);
        Path report = writeReport("plan.json", jsonArray(plans.stream().map(SyncPlan::toJson).toList()));
        getLog().info("Plan written to " + report);
        Optional<SyncPlan> failed = plans.stream().filter(plan -> plan.failure().isPresent()).findFirst();
        if (failed.isPresent()) {
            throw new MojoExecutionException(failed.get().controlPlane() + ": "
                    + describe(failed.get().failure().get()), failed.get().failure().get());
        }
        if (plans.stream().anyMatch(plan -> plan.count(ChangeAction.BLOCKED) > 0)) {
            throw new MojoFailureException("blocked changes: " + summaries(plans) + ". Sync will not change a "
                    + "plugin in use or one it does not manage; the plan above says why and what to do");
        }
        if (failOnChanges && plans.stream().anyMatch(SyncPlan::hasChanges)) {
            throw new MojoFailureException("Konnect differs from " + pluginsDirectory() + ": " + summaries(plans)
                    + ". Run mvn konnect-plugins:sync to apply the plan");
        }
    }

    private static String summaries(List<SyncPlan> plans) {
        return plans.stream().map(plan -> plan.controlPlane() + ": " + plan.summary())
                .collect(Collectors.joining("; "));
    }
}
