package dev.konnectplugins.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Konnect that lies, on 127.0.0.1: every answer comes from a {@link Script} the test writes, with the request's
 * cursor and the token it was sent, so a test can loop cursors, echo the token, send endless or malformed pages.
 */
final class HostileKonnect implements AutoCloseable {
    static final String CONTROL_PLANE_ID = "0b3e2a4c-6d7e-4f80-9a1b-2c3d4e5f6a7b";
    static final String TOKEN = "kpat_HOSTILEtest0123456789abcdefghijklmnopqrstuv";

    /** What the server answers. */
    interface Script {
        /**
         * @param kind          "list" (custom plugins), "get" (one plugin), "instances" or "other"
         * @param cursor        the {@code offset} asked for, or null
         * @param authorization the Authorization header received
         */
        Answer answer(String kind, String cursor, String authorization);
    }

    /** A status and a body; {@code repeat} times the body is sent (a huge answer without building it). */
    record Answer(int status, String body, int repeat) {
        static Answer json(String body) {
            return new Answer(200, body, 1);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-konnect");
        thread.setDaemon(true);
        return thread;
    });

    HostileKonnect(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, script));
        server.setExecutor(threads);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serve(HttpExchange exchange, Script script) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String kind = path.endsWith("/custom-plugins") ? "list" : path.contains("/custom-plugins/") ? "get"
                    : path.endsWith("/plugins") ? "instances" : "other";
            Answer answer = kind.equals("instances") ? Answer.json("{\"data\":[]}")
                    : script.answer(kind, offset(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 502 ? "text/html"
                    : "application/json");
            exchange.sendResponseHeaders(answer.status(), answer.repeat() == 1 ? body.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < answer.repeat(); i++) {
                    out.write(body);
                }
            } catch (IOException clientHungUp) {
                // expected when the client stops reading at its size limit
            }
        }
    }

    private static String offset(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("offset=")) {
                return URLDecoder.decode(parameter.substring("offset=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
