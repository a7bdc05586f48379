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

    /**
     * Keeps immutable copies of the headers.
     *
     * @param method the HTTP method, upper case
     * @param url the path and query exactly as sent
     * @param headers the request headers, names as sent
     * @param body the body text (UTF-8), empty when there was none
     */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * The first value of a header, matched case-insensitively as HTTP requires.
     *
     * @param name the header's name, in any case
     * @return the first value, or empty when the header was not sent
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    /** {@return the path without the query} */
    public String path() {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question);
    }
}
