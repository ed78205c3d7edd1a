package org.mepkit.sim.optical;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.mepkit.serial.AbstractSerialLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.time.ManualTicker;

/**
 * A {@link org.mepkit.serial.SerialLine} whose far end is an {@link OpticalMeterMachine}, in the
 * virtual time of an {@link ManualTicker#autoAdvancing() auto-advancing} {@link ManualTicker}, on the caller's thread: what the client
 * writes reaches the meter at once; a read returns what the meter has due, and otherwise moves the
 * clock to the meter's next deadline or to the end of the read's timeout. A whole session with every
 * timeout and retry runs in microseconds, deterministically, and the ticker tells how long it would
 * have taken (wire time aside).
 *
 * <p>Wire faults beside the meter's own: {@link #loseNextBytesToMeter(int)} drops what the client
 * writes next (a lost ACK), {@link #unplug()} makes every later call fail as a pulled adapter does.
 */
public final class SimulatedOpticalLine extends AbstractSerialLine {

    private final OpticalMeterMachine meter;
    private final ManualTicker ticker;
    private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingPos;
    private int loseBytes;
    private boolean unplugged;

    public SimulatedOpticalLine(OpticalMeterMachine meter, ManualTicker ticker) {
        super("simulated:optical", LineSettings.MEP);
        this.meter = Objects.requireNonNull(meter, "meter");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public OpticalMeterMachine meter() {
        return meter;
    }

    /** The next {@code n} bytes the client writes never reach the meter. */
    public void loseNextBytesToMeter(int n) {
        loseBytes += n;
    }

    public void unplug() {
        unplugged = true;
    }

    /** Everything the client wrote, lost bytes included. */
    public byte[] written() {
        return written.toByteArray();
    }

    @Override
    protected int readChecked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        checkPlugged();
        if (len == 0) return 0;
        long end = ticker.nanoTime() + timeout.toNanos();
        while (pendingPos >= pending.length) {
            long now = ticker.nanoTime();
            meter.poll(now);
            byte[] due = meter.takeDue(now);
            if (due.length > 0) {
                pending = due;
                pendingPos = 0;
                toClient.writeBytes(due);
                break;
            }
            long next = meter.nextDeadline();
            if (next - end > 0) {
                advanceTo(end);
                return 0;
            }
            advanceTo(Math.max(next, now + 1));
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, buffer, offset, n);
        pendingPos += n;
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        checkPlugged();
        Objects.checkFromIndexSize(offset, len, data.length);
        written.write(data, offset, len);
        int lost = Math.min(loseBytes, len);
        loseBytes -= lost;
        if (len > lost) meter.receive(data, offset + lost, len - lost, ticker.nanoTime());
    }

    /** Everything the meter sent the client so far. */
    public byte[] sentByMeter() {
        return toClient.toByteArray();
    }

    @Override
    public void drain() throws SerialException {
        checkPlugged();
    }

    @Override
    public void discardInput() throws SerialException {
        checkPlugged();
        pending = Arrays.copyOf(pending, 0);
        pendingPos = 0;
        meter.takeDue(ticker.nanoTime());
    }

    @Override
    public void close() {
        // nothing to release
    }

    private void advanceTo(long nanos) {
        try {
            ticker.waitUntil(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkPlugged() throws SerialException {
        if (unplugged) throw new PortDisconnectedException(name + ": unplugged");
    }
}
