package dev.konnectplugins.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, in arrival order, whichever stub answered it.
 *
 * @param method  HTTP method, upper case
 * @param url     path and query exactly as sent, for example {@code /v2/control-planes?page%5Bsize%5D=10}
 * @param headers request headers; names as sent
 * @param body    body text (UTF-8), empty when there was none
 */
public record RecordedRequest(String method, String url, Map<String, List<String>> headers, String body) {

    /** Keeps immutable copies of the headers. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, matched case-insensitively as HTTP requires. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    /** The path without the query. */
    public String path() {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }
}
