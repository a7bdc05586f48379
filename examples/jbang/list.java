///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:sdk-core:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-nop:2.0.20
//DESCRIPTION Lists the Kong custom plugins on a Konnect control plane: the SDK in a few lines.

import dev.konnectplugins.Konnect;
import dev.konnectplugins.model.CustomPlugin;

/**
 * The SDK, set up from KONNECT_TOKEN, KONNECT_CONTROL_PLANE (name or id) and KONNECT_REGION or KONNECT_BASE_URL,
 * listing the custom plugins: {@code jbang list.java}. For filters and JSON, {@code konnect-plugins list --help}.
 */
class list {
    public static void main(String[] args) {
        try (Konnect konnect = Konnect.builder().fromEnvironment().build()) {
            for (CustomPlugin plugin : konnect.controlPlaneFromEnvironment().customPlugins().list()) {
                System.out.println(plugin.getName() + "  " + plugin.getId() + "  " + plugin.getTags());
            }
        }
    }
}
