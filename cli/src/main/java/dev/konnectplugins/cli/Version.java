package dev.konnectplugins.cli;

import java.io.PrintStream;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (Implementation-Version). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** Whether the command line asks for the version and nothing else, as picocli's {@code -V, --version} does. */
    static boolean asked(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Prints what {@code --version} prints, without picocli. */
    static void print(PrintStream out) {
        out.println(line());
        out.flush();
    }

    private static String line() {
        String version = Version.class.getPackage().getImplementationVersion();
        return "konnect-plugins " + (version == null ? "(development build)" : version);
    }
}
