package org.mepkit.board;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mepkit.board.firmware.WebClient;

/**
 * The TCP side of the board's web server: whether it listens ({@code MyWebServer.begin()} ran in this boot) and the
 * clients waiting for the firmware's loop to serve them. A reset drops them all, as the chip's reset drops its
 * connections.
 */
final class WebClients {

    /** What the firmware answered. */
    record Answer(int status, String contentType, String body) {
    }

    private final Deque<Pending> waiting = new ArrayDeque<>();
    private boolean listening;

    synchronized void startListening() {
        listening = true;
    }

    /** The chip reset or lost power: nobody listens, waiting clients get their connection closed. */
    synchronized void reset() {
        listening = false;
        for (Pending p : waiting) p.answer.complete(null);
        waiting.clear();
    }

    /**
     * Waits (at most {@code wallMillis}) for the firmware to answer; empty when nothing listens, the board reset
     * meanwhile, or the wait ran out (a client would see a refused, reset or timed-out connection).
     */
    Optional<Answer> call(String method, String path, long wallMillis) throws InterruptedException {
        Pending p = new Pending(method, path);
        synchronized (this) {
            if (!listening) return Optional.empty();
            waiting.add(p);
        }
        try {
            return Optional.ofNullable(p.answer.get(wallMillis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            synchronized (this) {
                waiting.remove(p);
            }
            return Optional.empty();
        }
    }

    synchronized WebClient next() {
        return waiting.poll();
    }

    private static final class Pending implements WebClient {
        final String method;
        final String path;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();

        Pending(String method, String path) {
            this.method = method;
            this.path = path;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public void respond(int status, String contentType, String body) {
            answer.complete(new Answer(status, contentType, body));
        }
    }
}
