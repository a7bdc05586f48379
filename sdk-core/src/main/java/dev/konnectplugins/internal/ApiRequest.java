package dev.konnectplugins.internal;

import java.util.Objects;

/**
 * One logical call to Konnect, before retries.
 *
 * @param method  HTTP method
 * @param path    encoded path and query under the base URL, such as {@code /v2/control-planes?filter%5B...}
 * @param body    JSON body, or null
 */
public record ApiRequest(String method, String path, byte[] body) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null);
    }

    public static ApiRequest post(String path, Object body) {
        return new ApiRequest("POST", path, Json.write(body));
    }

    public static ApiRequest put(String path, Object body) {
        return new ApiRequest("PUT", path, Json.write(body));
    }

    /** Whether sending it twice has the same effect as once (GET, PUT, DELETE). */
    public boolean idempotent() {
        return !"POST".equals(method) && !"PATCH".equals(method);
    }

    /**
     * {@code METHOD /path} for messages and logs, as a person reads it: decoded (no {@code %5B}) and without the
     * query, whose paging and filter parameters say nothing the message does not.
     */
    public String describe() {
        int query = path.indexOf('?');
        String withoutQuery = query < 0 ? path : path.substring(0, query);
        try {
            return method + " " + new java.net.URI(withoutQuery).getPath();
        } catch (java.net.URISyntaxException e) {
            return method + " " + withoutQuery;
        }
    }
}
