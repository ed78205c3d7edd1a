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
    private static final long MIN_GAP_NANOS = 60_000_000L;
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

    /**
     * Sets the quiet time after which unframeable bytes are dropped, from the board's time scale. Never under 60 ms of
     * real time: a paced request through ser2net comes in pieces that ser2net holds back up to its chardelay-max (20 ms)
     * each, and a shorter gap cut requests in two.
     */
    public MeterSide withTimeScale(double scale) {
        timeScale = scale;
        gapNanos = Math.max(MIN_GAP_NANOS, (long) (100_000_000L / scale));
        return this;
    }

    public BenchMeter meter() {
        return meter;
    }

    public String failure() {
        return failure;
    }

    private volatile boolean resync;

    /**
     * How the meter sends its next reply: {@code alerts} alerts first, each followed by {@code alertSpacingBoardMs} of
     * quiet (0: back to back, straight into the reply), then {@code replyGapBoardMs} more before the reply, cut after
     * {@code splitAfter} bytes (0: whole) with {@code splitGapBoardMs} before the rest.
     */
    public record ReplyPlan(int alerts, long alertSpacingBoardMs, long replyGapBoardMs, int splitAfter, long splitGapBoardMs) {
    }

    private final java.util.concurrent.atomic.AtomicReference<ReplyPlan> plan = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger planned = new java.util.concurrent.atomic.AtomicInteger();
    private double timeScale = 1;

    /** The next reply goes out as {@code next} says (once). */
    public void planNextReply(ReplyPlan next) {
        plan.set(next);
    }

    /** How many replies went out by a plan so far. */
    public int plannedReplies() {
        return planned.get();
    }

    private void sendReply(byte[] reply) throws SerialException {
        ReplyPlan p = plan.getAndSet(null);
        if (p == null) {
            send(reply);
            return;
        }
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < p.alerts(); i++) {
            first.writeBytes(new byte[] {0, 0});
            if (p.alertSpacingBoardMs() > 0) {
                send(first.toByteArray());
                first.reset();
                pause(p.alertSpacingBoardMs() + 2);
            }
        }
        if (p.replyGapBoardMs() > 0) {
            if (first.size() > 0) send(first.toByteArray());
            first.reset();
            pause(p.replyGapBoardMs() + 2L * p.alerts());
        }
        int cut = p.splitAfter() <= 0 ? reply.length : Math.min(p.splitAfter(), reply.length);
        first.write(reply, 0, cut);
        send(first.toByteArray());
        if (cut < reply.length) {
            pause(p.splitGapBoardMs() + cut);
            send(java.util.Arrays.copyOfRange(reply, cut, reply.length));
        }
        planned.incrementAndGet();
    }

    private void pause(long boardMs) {
        java.util.concurrent.locks.LockSupport.parkNanos((long) (boardMs * 1_000_000L / timeScale));
    }

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
                        if (reply != null) sendReply(reply);
                        continue;
                    }
                }
                if (all.length > 0 && System.nanoTime() - lastByte > gapNanos) acc.reset();
            } catch (SerialException e) {
                failure = "meter port " + line.name() + ": " + e.getMessage();
                return;
            } catch (RuntimeException e) {
                // a request the bench meter could not answer: the reason of the failing test, not a dead thread
                failure = "the bench meter failed on a request: " + e;
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
