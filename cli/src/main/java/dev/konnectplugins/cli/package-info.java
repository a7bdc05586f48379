/**
 * The {@code konnect-plugins} command line: {@link dev.konnectplugins.cli.Main}. Run {@code konnect-plugins --help}.
 */
package dev.konnectplugins.cli;
