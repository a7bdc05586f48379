package dev.konnectplugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code konnect-plugins-java/<version> (Java <version>)}, plus the suffix of a tool built on the SDK. */
public final class UserAgent {
    /** The SDK's version, read from the jar. */
    public static final String SDK_VERSION = readVersion();

    private UserAgent() {
    }

    public static String of(String suffix) {
        String base = "konnect-plugins-java/" + SDK_VERSION + " (Java " + System.getProperty("java.version") + ")";
        return suffix == null || suffix.isBlank() ? base : base + " " + suffix.trim();
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
