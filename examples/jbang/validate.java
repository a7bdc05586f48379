///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:konnect-plugins-cli:0.1.0-SNAPSHOT
//DESCRIPTION Checks Kong custom plugins offline, before they are uploaded to Konnect.

/**
 * {@code konnect-plugins validate}: checks plugin folders offline, no token, no network. Formats text, json, sarif
 * and github; exit 0 valid, 1 invalid, 64 bad usage. Run {@code jbang validate.java --help}.
 */
class validate {
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        dev.konnectplugins.cli.Main.main(all);
    }
}
