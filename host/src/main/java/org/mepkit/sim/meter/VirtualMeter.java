package org.mepkit.sim.meter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.mepkit.mep.frame.Deframer;
import org.mepkit.mep.frame.DeframerEvent;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.time.Ticker;

/**
 * An Echelon/NES meter on the far end of a {@link SerialLine}: the MEP server side. It checks each
 * request's digest with its MBK key (0x0B when wrong), answers the first request after start with
 * 0x0C and the profile's sequence number, then wants previous + 1 (0x0C otherwise), and serves the
 * tables of its {@link MeterProfile} with energy that grows on its {@link Ticker}. What it answers
 * is its {@link MeterBrain}'s ({@link MeterBrain.Rules#STRICT}); this class owns the line, the thread,
 * pacing, faults and alerts.
 *
 * <p>{@link Pacing#PACED} sends replies at the line's baud after the profile's turnaround, as a
 * real meter's UART would (a pty or an in-memory pair would deliver them at once);
 * {@link Pacing#UNPACED} answers immediately, for fast tests. Faults ({@link MeterFault}) and
 * alerts can be injected while it runs. It serves on its own thread from {@link #start()} until
 * {@link #close()}.
 */
public final class VirtualMeter implements AutoCloseable {

    public enum Pacing { PACED, UNPACED }

    /** Quiet time left between an alert and a reply right after it (mep-protocol §2.3, firmware defect). */
    static final Duration ALERT_GAP = Duration.ofMillis(5);
    private static final Duration POLL = Duration.ofMillis(20);
    /**
     * Silence inside a request after which its bytes are dropped as noise. Real meters' figure is not
     * published; 500 ms is the ANSI C12.18 inter-character timeout, and long enough that a host
     * descheduled in the middle of a paced write does not lose its request.
     */
    static final Duration IDLE_GAP = Duration.ofMillis(500);

    private final SerialLine in;
    private final SerialLine out;
    private final MeterProfile profile;
    private final Ticker ticker;
    private final Pacing pacing;
    private final MeterTables tables;
    private final MeterBrain brain;
    private final Deframer deframer = new Deframer();
    private final Deque<MeterFault> faults = new ArrayDeque<>();
    private final AtomicInteger alertsToSend = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong procedureCalls = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Throwable failure;
    private long lastByteAt;
    private int faultUses;

    public VirtualMeter(SerialLine line, MbkKey key, MeterProfile profile, Ticker ticker, Pacing pacing) {
        this.in = Objects.requireNonNull(line, "line");
        Objects.requireNonNull(key, "key");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.out = pacing == Pacing.PACED ? new PacedLine(line, ticker) : line;
        this.tables = new MeterTables(profile, ticker);
        this.brain = new MeterBrain(key, new LiveTables(), profile.initialSequence(), MeterBrain.Rules.STRICT);
    }

    public MeterProfile profile() {
        return profile;
    }

    public MeterTables tables() {
        return tables;
    }

    /** Starts serving on a daemon thread named after the line. */
    public synchronized VirtualMeter start() {
        if (thread != null) throw new IllegalStateException("already started");
        running = true;
        Thread t = new Thread(this::serve, "virtual-meter " + in.name());
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** Sends an alert {@code 00 00} as soon as the meter is not busy answering. */
    public void sendAlert() {
        alertsToSend.incrementAndGet();
    }

    /** Sends an alert immediately before the next reply (an alert "in the middle" of an exchange). */
    public void sendAlertBeforeNextReply() {
        brain.alertBeforeNextReply();
    }

    /** Whether replies carry the real meters' 8-byte trailer ({@link MeterBrain#withReplyTrailer}); on by default. */
    public VirtualMeter withReplyTrailer(boolean on) {
        brain.withReplyTrailer(on);
        return this;
    }

    /** Applies {@code fault} to the next {@link MeterFault#count()} requests (after any queued before). */
    public synchronized void inject(MeterFault fault) {
        faults.addLast(Objects.requireNonNull(fault));
    }

    public long requests() { return requests.get(); }
    public long served() { return served.get(); }
    public long digestFailures() { return brain.digestFailures(); }
    public long resyncsSent() { return brain.resyncsSent(); }
    public long procedureCalls() { return procedureCalls.get(); }

    /** Why the serving thread stopped on its own, if it did (a closed or unplugged line). */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops serving and waits (bounded) for the thread; does not close the line. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buf = new byte[1024];
        try {
            while (running) {
                sendPendingAlerts();
                int n = in.read(buf, 0, buf.length, POLL);
                if (n == 0) {
                    // a partial request followed by silence is line noise
                    if (deframer.hasPartial() && ticker.nanoTime() - lastByteAt > IDLE_GAP.toNanos()) deframer.flushPartial();
                    continue;
                }
                lastByteAt = ticker.nanoTime();
                for (DeframerEvent event : deframer.feed(buf, 0, n)) {
                    if (event instanceof DeframerEvent.Packet packet && running) answer(packet.bytes());
                }
            }
        } catch (PortDisconnectedException e) {
            if (running) failure = e;
        } catch (SerialException e) {
            if (running && !Thread.currentThread().isInterrupted()) failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            running = false;
        }
    }

    private void sendPendingAlerts() throws SerialException {
        while (alertsToSend.get() > 0) {
            alertsToSend.decrementAndGet();
            out.write(Responses.alert());
        }
    }

    private void answer(byte[] packet) throws SerialException, InterruptedException {
        if (packet.length == 2) return;   // an alert-sized packet is nothing a client sends
        requests.incrementAndGet();
        MeterFault fault = nextFault();
        byte[] reply = brain.answer(packet);
        if (reply == null) return;
        if (fault instanceof MeterFault.Echo) in.write(packet);
        if (fault instanceof MeterFault.Silence) return;
        if (fault instanceof MeterFault.Garbage garbage) reply = garbage.bytes();
        if (fault instanceof MeterFault.WrongSequence) reply = brain.jumpSequence();
        if (fault instanceof MeterFault.BadReplyLength bad) reply = withLength(reply, reply.length - 2 + bad.delta());
        if (fault instanceof MeterFault.Stall) reply = Arrays.copyOf(reply, reply.length / 2);
        if (pacing == Pacing.PACED) ticker.waitFor(profile.turnaround());
        if (fault instanceof MeterFault.Slow slow) ticker.waitFor(slow.delay());
        for (int n = brain.takeAlertsBeforeReply(); n > 0; n--) {
            out.write(Responses.alert());
            out.drain();
            ticker.waitFor(ALERT_GAP);
        }
        out.write(reply);
        served.incrementAndGet();
    }

    /** The profile's live tables; a BT07 write runs a procedure, any other write is refused. */
    private final class LiveTables implements MeterBrain.Tables {
        @Override
        public byte[] read(TableId id) {
            return tables.table(id);
        }

        @Override
        public byte[] write(TableId id, byte[] data) {
            if (!id.equals(TableId.BT07)) return Responses.failure(ResponseCode.NO_PERMISSION);
            procedureCalls.incrementAndGet();
            return tables.procedureCall(data) ? Responses.ok() : Responses.failure(ResponseCode.OPERATION_NOT_POSSIBLE);
        }
    }

    private synchronized MeterFault nextFault() {
        MeterFault fault = faults.peekFirst();
        if (fault == null) return null;
        if (++faultUses >= fault.count()) {
            faults.removeFirst();
            faultUses = 0;
        }
        return fault;
    }

    private static byte[] withLength(byte[] packet, int length) {
        byte[] copy = packet.clone();
        int l = Math.max(0, Math.min(0xFFFF, length));
        copy[0] = (byte) (l >>> 8);
        copy[1] = (byte) l;
        return copy;
    }
}
