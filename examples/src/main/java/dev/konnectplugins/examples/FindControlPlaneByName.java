package dev.konnectplugins.examples;

import dev.konnectplugins.ControlPlaneClient;
import dev.konnectplugins.model.ControlPlane;
import java.io.PrintStream;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a control plane by its name, the way people refer to them, and gets the id the API needs.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.konnectplugins.examples.FindControlPlaneByName -Dexec.args=prod
 * </pre>
 *
 * Argument: the name (default: the configured control plane's). Against the embedded fake, it adds a control plane
 * named {@code staging} and looks that up.
 */
public final class FindControlPlaneByName {
    private FindControlPlaneByName() {
    }

    public static void main(String[] args) {
        ExampleKonnect.main(args, FindControlPlaneByName::run);
    }

    static void run(ExampleKonnect konnect, PrintStream out, String[] args) {
        String name = args.length > 0 ? args[0] : defaultName(konnect);

        // findByName is an exact match; Optional.empty() when there is none (getByName throws NotFoundException).
        Optional<ControlPlane> found = konnect.konnect().controlPlanes().findByName(name);
        if (found.isEmpty()) {
            out.println("No control plane is named " + name + ". There are: " + konnect.konnect().controlPlanes()
                    .list().stream().map(ControlPlane::getName).collect(Collectors.joining(", ")));
            return;
        }
        out.println("Control plane " + name + " has id " + found.get().getId());

        // The one-step form: resolve the name and get a client for that control plane's plugins.
        ControlPlaneClient controlPlane = konnect.konnect().controlPlaneByName(name);
        out.println("It has " + controlPlane.customPlugins().list().stream().count() + " custom plugins");
    }

    private static String defaultName(ExampleKonnect konnect) {
        if (konnect.fake().isPresent()) {
            konnect.fake().get().addControlPlane("staging");
            return "staging";
        }
        return konnect.controlPlane().get().getName();
    }
}
