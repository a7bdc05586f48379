package dev.konnectplugins;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Konnect geographies that host control planes; each has its own API host. */
public enum Region {
    /** United States: {@code https://us.api.konghq.com}. */
    US,
    /** Europe: {@code https://eu.api.konghq.com}. */
    EU,
    /** Australia: {@code https://au.api.konghq.com}. */
    AU,
    /** Middle East: {@code https://me.api.konghq.com}. */
    ME,
    /** India: {@code https://in.api.konghq.com}. */
    IN,
    /** Singapore; an organization admin must opt in to this region. */
    SG;

    /** {@return the region's code as Konnect writes it, such as {@code eu}} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the API host root, such as {@code https://eu.api.konghq.com}} */
    public URI baseUrl() {
        return baseUrl("konghq.com");
    }

    /**
     * The API host root under a Konnect custom domain, such as {@code https://eu.api.example.com}.
     *
     * @param domain the custom domain, such as {@code example.com}, not null
     * @return the host root {@code https://{code}.api.{domain}}
     */
    public URI baseUrl(String domain) {
        return URI.create("https://" + code() + ".api." + domain);
    }

    /**
     * Parses a region code, ignoring case: {@code us}, {@code EU}, ...
     *
     * @param code the region code, not null
     * @return the region
     * @throws IllegalArgumentException naming the accepted codes
     */
    public static Region of(String code) {
        for (Region region : values()) {
            if (region.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return region;
            }
        }
        throw new IllegalArgumentException("Unknown Konnect region '" + code + "'; expected one of "
                + Arrays.stream(values()).map(Region::code).collect(Collectors.joining(", ")));
    }
}
