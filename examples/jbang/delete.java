///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:konnect-plugins-cli:0.1.0-SNAPSHOT
//DESCRIPTION Deletes Kong custom plugins from a Konnect control plane by name or id.

/**
 * {@code konnect-plugins delete NAME...}: deletes each plugin; one already gone is not an error, one in use by
 * plugin instances is refused (exit 1). Run {@code jbang delete.java --help}.
 */
class delete {
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "delete";
        System.arraycopy(args, 0, all, 1, args.length);
        dev.konnectplugins.cli.Main.main(all);
    }
}
