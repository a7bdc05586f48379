package dev.konnectplugins.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process Konnect with canned answers, the same for the SDK and the raw baseline: a 3 KB plugin for get and
 * create, a page of 100 plugins (about 310 KB), and a 10,000-plugin listing in pages of 1000 (one canned page body
 * reused, only its offset differs, so the stub itself fits in a small heap).
 *
 * <p>It runs on one named worker thread plus the JDK's dispatcher thread, so that {@link #allocatedBytes()} can
 * report its own allocation apart from the client's.
 */
public final class KonnectStub implements AutoCloseable {
    static final String TOKEN = "kpat_benchmarkTOKEN0123456789abcdef";
    static final String CONTROL_PLANE = "0b3e2a4c-6d7e-4f80-9a1b-2c3d4e5f6a7b";
    static final String PLUGINS_PATH = "/v2/control-planes/" + CONTROL_PLANE + "/core-entities/custom-plugins";
    static final int LISTING_SIZE = 10_000;
    static final int LISTING_PAGE = 1000;
    static final int SMALL_PAGE = 100;
    private static final String WORKER_NAME = "konnect-stub-worker";

    private final HttpServer server;
    private final ExecutorService worker;
    private final byte[] plugin;
    private final byte[] pageOf100;
    private final byte[] listingItems;

    private KonnectStub(HttpServer server, ExecutorService worker) {
        this.server = server;
        this.worker = worker;
        this.plugin = Payloads.pluginJson("plugin-0").getBytes(StandardCharsets.UTF_8);
        this.pageOf100 = ("{\"data\":" + Payloads.pluginArray(SMALL_PAGE) + ",\"next\":null,\"offset\":null}")
                .getBytes(StandardCharsets.UTF_8);
        this.listingItems = ("{\"data\":" + Payloads.pluginArray(LISTING_PAGE)).getBytes(StandardCharsets.UTF_8);
    }

    /** Starts on a free loopback port. */
    public static KonnectStub start() throws IOException {
        // Without TCP_NODELAY, headers and body leave in two segments and Nagle's algorithm meets the client's
        // delayed ACK: every call would take 40 ms, for both clients alike, hiding what the client costs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, WORKER_NAME);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(worker);
        KonnectStub stub = new KonnectStub(server, worker);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Bytes allocated so far by the stub's own threads (its worker and the JDK's HTTP dispatcher). */
    public long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isStubThread(thread)) {
                total += threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        return total;
    }

    /** CPU time used so far by the stub's own threads, in nanoseconds. */
    public long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isStubThread(thread)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private static boolean isStubThread(Thread thread) {
        return thread.getName().equals(WORKER_NAME) || thread.getName().startsWith("HTTP-Dispatcher");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"message\":\"Unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals(PLUGINS_PATH)) {
                send(exchange, 201, plugin);
            } else if (method.equals("GET") && path.equals(PLUGINS_PATH)) {
                listing(exchange, exchange.getRequestURI().getRawQuery());
            } else if (method.equals("GET") && path.startsWith(PLUGINS_PATH + "/")) {
                send(exchange, 200, plugin);
            } else {
                send(exchange, 404, "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code size=100}: one page. {@code size=1000[&offset=n]}: page n of the 10,000-plugin listing. */
    private void listing(HttpExchange exchange, String query) throws IOException {
        if (query == null || !query.contains("size=" + LISTING_PAGE)) {
            send(exchange, 200, pageOf100);
            return;
        }
        int page = 0;
        int at = query.indexOf("offset=");
        if (at >= 0) {
            page = Integer.parseInt(query.substring(at + "offset=".length()).split("&")[0]);
        }
        boolean last = (page + 1) * LISTING_PAGE >= LISTING_SIZE;
        byte[] tail = (last ? ",\"next\":null,\"offset\":null}" : ",\"offset\":\"" + (page + 1) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, listingItems.length + tail.length);
        OutputStream out = exchange.getResponseBody();
        out.write(listingItems);
        out.write(tail);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
    }
}
