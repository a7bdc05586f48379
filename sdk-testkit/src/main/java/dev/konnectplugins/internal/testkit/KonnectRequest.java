package dev.konnectplugins.internal.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request as the fake's endpoints see it: method, decoded path segments, query, body and token.
 *
 * @param method        upper-case HTTP method
 * @param segments      the path split on '/', decoded, without empty segments
 * @param query         decoded query parameters
 * @param body          request body text (UTF-8)
 * @param authorization the Authorization header, or null
 */
record KonnectRequest(String method, List<String> segments, QueryString query, String body,
                             String authorization) {

    public KonnectRequest {
        segments = List.copyOf(segments);
    }

    /** Builds a request from the raw path-and-query WireMock logs. */
    public static KonnectRequest of(String method, String url, String body, String authorization) {
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String rawQuery = question < 0 ? "" : url.substring(question + 1);
        return new KonnectRequest(method, splitPath(path), QueryString.parse(rawQuery), body, authorization);
    }

    private static List<String> splitPath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decodeSegment(segment));
            }
        }
        return segments;
    }

    private static String decodeSegment(String segment) {
        try {
            // Decode as a path segment: '+' stays a plus sign, unlike in a query.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return segment;
        }
    }

    public String segment(int index) {
        return segments.get(index);
    }

    public int segmentCount() {
        return segments.size();
    }
}
