package org.mepkit.board;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The board's web server as far as a bench needs it: {@code GET /getDashDataWS} (JSON,
 * {@code Connection: close}) on 127.0.0.1 at an ephemeral port. While the board is off or
 * still booting it answers 503 (a real board would not answer at all).
 */
final class DashServer implements AutoCloseable {

    private final HttpServer server;

    DashServer(Supplier<Optional<String>> json) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/getDashDataWS", exchange -> {
            try (exchange) {
                Optional<String> body = "GET".equals(exchange.getRequestMethod()) ? json.get() : Optional.empty();
                exchange.getResponseHeaders().set("Connection", "close");
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
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "board-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
