package dev.konnectplugins.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds encoded paths and query strings, so names and ids can never break out of their segment. */
public final class ApiPath {
    private final StringBuilder path = new StringBuilder(96);
    /** Made by the first query parameter: most paths have none, and every call builds one. */
    private StringJoiner query;

    private ApiPath() {
    }

    /** Starts a path with literal, already safe segments such as {@code v2}. */
    public static ApiPath of(String... literalSegments) {
        ApiPath apiPath = new ApiPath();
        for (String segment : literalSegments) {
            apiPath.path.append('/').append(segment);
        }
        return apiPath;
    }

    /** Appends a segment that comes from the user (an id or a name), percent-encoded. */
    public ApiPath segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            // Servers and proxies resolve dot segments even when encoded, which would address another resource.
            throw new IllegalArgumentException("'" + value + "' is not a valid id or name");
        }
        path.append('/').append(encode(value));
        return this;
    }

    /** Appends a literal segment such as {@code core-entities}. */
    public ApiPath literal(String value) {
        path.append('/').append(value);
        return this;
    }

    /** Adds a query parameter when the value is not null; name and value are percent-encoded. */
    public ApiPath query(String name, Object value) {
        if (value != null) {
            if (query == null) {
                query = new StringJoiner("&", "?", "");
            }
            query.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
        return this;
    }

    @Override
    public String toString() {
        return query == null ? path.toString() : path + query.toString();
    }

    /**
     * Percent-encoding for a path segment or query component (a space becomes %20, not +). Ids, names and most
     * query values need none: they are returned as they are, without URLEncoder's buffers (every call encodes its
     * path's ids and names).
     */
    static String encode(String value) {
        if (needsNoEncoding(value)) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Letters, digits, '.', '-' and '_': unreserved in RFC 3986 and left alone by URLEncoder. */
    private static boolean needsNoEncoding(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
