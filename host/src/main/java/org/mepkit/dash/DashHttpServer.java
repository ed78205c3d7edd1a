package org.mepkit.dash;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code GET /getDashDataWS} as the board serves it (200, {@code application/json}, {@code Connection: close}),
 * for {@code mep watch --http}. Until there is a sample to show it answers 503: the firmware would serve zeros,
 * which the board's Home Assistant integration would take as its first reading. Other paths get 404, other
 * methods 405. One daemon thread serves the requests.
 */
public final class DashHttpServer implements AutoCloseable {

    public static final String PATH = "/getDashDataWS";

    private final HttpServer server;
    private final ExecutorService executor;

    public DashHttpServer(InetSocketAddress address, Supplier<Optional<String>> json) throws IOException {
        server = HttpServer.create(address, 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Connection", "close");
                if (!PATH.equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                Optional<String> body = json.get();
                if (body.isEmpty()) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] bytes = body.get().getBytes(StandardCharsets.ISO_8859_1);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mep-watch-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The address really bound (port 0 picks a free one). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
