///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.konnectplugins:sdk-validation:0.1.0-SNAPSHOT
//DESCRIPTION Checks Kong custom plugins offline, before they are uploaded to Konnect.

import dev.konnectplugins.validation.cli.Main;

/**
 * Validates plugin directories offline: no token, no network. This is sdk-validation's command-line tool, so its
 * options, output formats and exit status are the same:
 *
 * <pre>
 * jbang validate.java [--name NAME] [--format text|json|sarif|github] [--max-file-size BYTES] DIR...
 * </pre>
 *
 * Exit status: 0 every plugin is valid, 1 at least one is not, 2 bad usage or unreadable input.
 * Run {@code jbang validate.java --help} for the details.
 */
class validate {
    public static void main(String[] args) {
        Main.main(args);
    }
}
