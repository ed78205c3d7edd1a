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

/**
 * The board's port 80 on 127.0.0.1 at an ephemeral port. Every request is handed to the firmware ({@link WebClients}):
 * it is answered only when the firmware's {@code loop()} serves it, as the Arduino {@code WebServer} does
 * (NES-MEP-UI.ino:288), so during setup and the blocking delays of a power cycle a client waits. Before
 * {@code MyWebServer.begin()} in this boot, or while the board is off, the connection is closed unanswered (a real
 * board does not answer then either).
 */
final class DashServer implements AutoCloseable {

    /** How long a request waits for the firmware, wall time (a browser gives up after about this long too). */
    static final long CLIENT_WAIT_MS = 30_000;

    private final HttpServer server;

    DashServer(WebClients clients) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                Optional<WebClients.Answer> answer;
                try {
                    answer = clients.call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), CLIENT_WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer = Optional.empty();
                }
                if (answer.isEmpty()) return; // closed without a response
                WebClients.Answer a = answer.get();
                byte[] bytes = a.body().getBytes(StandardCharsets.ISO_8859_1);
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
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
