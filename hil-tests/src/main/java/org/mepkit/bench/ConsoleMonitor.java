package org.mepkit.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * Reads the board's console port on a thread and keeps every line with the board time it
 * arrived at; tests wait for lines with bounded waits in board time.
 */
public final class ConsoleMonitor implements AutoCloseable {

    /** One console line and the board time (ms) it was complete. */
    public record Line(long atMillis, String text) {
    }

    private final SerialLine line;
    private final LongSupplier boardMillis;
    private final double scale;
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile String failure;

    private final java.util.function.IntFunction<java.util.OptionalLong> sourceStamp;

    public ConsoleMonitor(SerialLine line, LongSupplier boardMillis, double scale) {
        this(line, boardMillis, scale, i -> java.util.OptionalLong.empty());
    }

    /**
     * @param sourceStamp board time at which the board completed line i, when the board can tell (a twin does);
     *                    otherwise lines are stamped on arrival, which at a high time scale magnifies host jitter
     */
    public ConsoleMonitor(SerialLine line, LongSupplier boardMillis, double scale,
                          java.util.function.IntFunction<java.util.OptionalLong> sourceStamp) {
        this.sourceStamp = sourceStamp;
        this.line = line;
        this.boardMillis = boardMillis;
        this.scale = scale;
        this.reader = new Thread(this::run, "bench-console");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        byte[] buf = new byte[1024];
        while (running) {
            try {
                int n = line.read(buf, 0, buf.length, Duration.ofMillis(50));
                if (n > 0) accept(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            } catch (SerialException e) {
                failure = "console port " + line.name() + ": " + e.getMessage();
                return;
            }
        }
    }

    private synchronized void accept(String text) {
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                int end = partial.length();
                if (end > 0 && partial.charAt(end - 1) == '\r') partial.setLength(end - 1);
                lines.add(new Line(sourceStamp.apply(lines.size()).orElseGet(boardMillis), partial.toString()));
                partial.setLength(0);
                notifyAll();
            } else {
                partial.append(c);
            }
        }
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Waits (at most {@code boardMillisBound} of board time) for a line matching; returns it or fails. */
    public Line await(String what, Predicate<String> match, long boardMillisBound) {
        return awaitFrom(0, what, match, boardMillisBound);
    }

    /** As {@link #await} but only lines from index {@code from} on count. */
    public synchronized Line awaitFrom(int from, String what, Predicate<String> match, long boardMillisBound) {
        long wallBound = Math.max(1, (long) (boardMillisBound / scale));
        long end = System.nanoTime() + wallBound * 1_000_000L;
        while (true) {
            for (int i = from; i < lines.size(); i++) {
                if (match.test(lines.get(i).text())) return lines.get(i);
            }
            if (failure != null) throw new AssertionError(what + ": " + failure);
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no console line " + what + " within " + boardMillisBound + " ms board time ("
                        + lines.size() + " lines seen)");
            }
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
