package org.mepkit.bench;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * Plays a {@link BenchMeter} on the board's RS232 port: cuts request packets out of the byte
 * stream by their length field, answers each, and drops bytes that form no packet within
 * 200 ms. Can also send raw bytes (alerts, garbage).
 */
public final class MeterSide implements AutoCloseable {

    private final SerialLine line;
    private final BenchMeter meter;
    /** Quiet time that ends an unframeable burst: 100 ms of board time, at least 5 ms of wall time. */
    private long gapNanos = 200_000_000L;
    private final LongSupplier boardMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    private final java.util.function.Function<byte[], java.util.OptionalLong> sourceStamp;

    public MeterSide(SerialLine line, BenchMeter meter, LongSupplier boardMillis) {
        this(line, meter, boardMillis, b -> java.util.OptionalLong.empty());
    }

    /** @param sourceStamp board time at which the board sent these bytes, when the board can tell (a twin does) */
    public MeterSide(SerialLine line, BenchMeter meter, LongSupplier boardMillis,
                     java.util.function.Function<byte[], java.util.OptionalLong> sourceStamp) {
        this.sourceStamp = sourceStamp;
        this.line = line;
        this.meter = meter;
        this.boardMillis = boardMillis;
        this.thread = new Thread(this::run, "bench-meter");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sets the quiet time after which unframeable bytes are dropped, from the board's time scale. */
    public MeterSide withTimeScale(double scale) {
        gapNanos = Math.max(5_000_000L, (long) (100_000_000L / scale));
        return this;
    }

    public BenchMeter meter() {
        return meter;
    }

    public String failure() {
        return failure;
    }

    private volatile boolean resync;

    /** Drops any partial packet held (the board restarted: what came before belongs to nobody). */
    public void resync() {
        resync = true;
    }

    public synchronized void send(byte[] raw) throws SerialException {
        line.write(raw);
    }

    private void run() {
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        long lastByte = System.nanoTime();
        while (running) {
            if (resync) {
                acc.reset();
                resync = false;
            }
            try {
                int n = line.read(buf, 0, buf.length, Duration.ofMillis(20));
                if (n > 0) {
                    acc.write(buf, 0, n);
                    lastByte = System.nanoTime();
                }
                byte[] all = acc.toByteArray();
                if (all.length >= 2) {
                    int len = (((all[0] & 0xFF) << 8) | (all[1] & 0xFF)) + 2;
                    if (len <= all.length) {
                        byte[] packet = java.util.Arrays.copyOf(all, len);
                        acc.reset();
                        acc.write(all, len, all.length - len);
                        byte[] reply = meter.answer(packet, sourceStamp.apply(packet).orElseGet(boardMillis));
                        if (reply != null) send(reply);
                        continue;
                    }
                }
                if (all.length > 0 && System.nanoTime() - lastByte > gapNanos) acc.reset();
            } catch (SerialException e) {
                failure = "meter port " + line.name() + ": " + e.getMessage();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
