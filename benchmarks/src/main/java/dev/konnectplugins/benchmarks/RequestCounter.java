package dev.konnectplugins.benchmarks;

import dev.konnectplugins.KonnectListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the attempts a client sends, by control plane and kind of request, and the 429s it gets back: the client's
 * own view, through the listener hook.
 */
final class RequestCounter implements KonnectListener {
    private static final Pattern BY_ID = Pattern.compile("^/v2/control-planes/([0-9a-f-]{36})(/[^?]*)?(\\?.*)?$");
    private static final Pattern BY_NAME = Pattern.compile("filter%5Bname%5D%5Beq%5D=([^&]+)");

    private final Map<String, String> namesById;
    /** control plane name -> kind -> attempts. */
    private final Map<String, Map<String, LongAdder>> attempts = new ConcurrentHashMap<>();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder total = new LongAdder();

    RequestCounter(Map<String, String> namesById) {
        this.namesById = namesById;
    }

    @Override
    public void attemptStarted(String method, String path, int attempt) {
        total.increment();
        attempts.computeIfAbsent(controlPlane(path), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind(method, path), kind -> new LongAdder()).increment();
    }

    @Override
    public void responseReceived(String method, String path, int attempt, int status, java.time.Duration duration,
                                 long responseBytes) {
        if (status == 429) {
            tooManyRequests.increment();
        }
    }

    long total() {
        return total.sum();
    }

    long tooManyRequests() {
        return tooManyRequests.sum();
    }

    /** Attempts of this kind made for the control plane, 0 when none. */
    long attempts(String controlPlane, String kind) {
        Map<String, LongAdder> kinds = attempts.getOrDefault(controlPlane, Map.of());
        LongAdder count = kinds.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Every attempt made for the control plane. */
    long attempts(String controlPlane) {
        return attempts.getOrDefault(controlPlane, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
    }

    private String controlPlane(String path) {
        Matcher byId = BY_ID.matcher(path);
        if (byId.matches()) {
            return namesById.getOrDefault(byId.group(1), "?");
        }
        Matcher byName = BY_NAME.matcher(path);
        return byName.find() ? URLDecoder.decode(byName.group(1), StandardCharsets.UTF_8) : "?";
    }

    static String kind(String method, String path) {
        if (path.startsWith("/v2/control-planes?")) {
            return "lookup";
        }
        if (path.contains("/core-entities/plugins")) {
            return "instances";
        }
        return method.equals("GET") ? "list" : method;
    }
}
