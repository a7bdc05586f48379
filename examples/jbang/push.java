///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:konnect-plugins-cli:0.1.0-SNAPSHOT
//DESCRIPTION Validates, then creates or updates Kong custom plugins on a Konnect control plane from a folder.

/**
 * {@code konnect-plugins sync DIR}: validates every plugin in DIR (one plugin folder, or a folder of them), then
 * creates or updates each on the control plane, tagged as managed. Takes {@code --tag}, {@code --dry-run} and the
 * connection options; reads KONNECT_TOKEN, KONNECT_CONTROL_PLANE, KONNECT_REGION / KONNECT_BASE_URL. Run
 * {@code jbang push.java --help}.
 */
class push {
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "sync";
        System.arraycopy(args, 0, all, 1, args.length);
        dev.konnectplugins.cli.Main.main(all);
    }
}
