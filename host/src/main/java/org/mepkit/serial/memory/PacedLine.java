package org.mepkit.serial.memory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;

import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Ticker;

/**
 * Makes writes take as long as they would on a real UART: each byte is handed to the wrapped
 * line when its last bit would have left the wire ({@link org.mepkit.serial.LineSettings#bitsPerCharacter()}
 * / baud per byte). A pty or an in-memory pair moves bytes hundreds of times faster than 9600 baud;
 * this puts wire time back.
 *
 * <p>Pacing is by deadlines computed from the start of a burst, so it does not drift however the
 * waits are rounded; bytes whose deadline has already passed go out together. Consecutive writes
 * that follow each other faster than the wire continue back to back. With a
 * {@link org.mepkit.time.ManualTicker#autoAdvancing() auto-advancing} ticker it runs in virtual
 * time; with {@link org.mepkit.time.SystemTicker} in real time.
 *
 * <p>{@link #uart} also paces reads (a byte read from the wrapped line is returned only once it
 * would have arrived) and takes the speed from a supplier, asked at each burst: a device whose host
 * changes the port's speed (esptool after CHANGE_BAUDRATE) follows it. The plain constructor passes
 * reads through at the line's fixed baud.
 */
public final class PacedLine extends ForwardingLine {

    private final Ticker ticker;
    private final long bitsPerCharacter;
    private final IntSupplier baud;
    private final boolean paceReads;

    private final Wire tx = new Wire();
    private final Wire rx = new Wire();
    /** Bytes read from the wrapped line that have not arrived yet: {@code pending[pendingAt..pendingEnd)}. */
    private byte[] pending = new byte[0];
    private int pendingAt;
    private int pendingEnd;

    public PacedLine(SerialLine line, Ticker ticker) {
        this(line, ticker, constant(line.settings().baud()), false);
    }

    private PacedLine(SerialLine line, Ticker ticker, IntSupplier baud, boolean paceReads) {
        super(line);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.bitsPerCharacter = line.settings().bitsPerCharacter();
        this.baud = Objects.requireNonNull(baud, "baud");
        this.paceReads = paceReads;
    }

    /** Both directions paced at {@code baud} (asked again for every new burst). */
    public static PacedLine uart(SerialLine line, Ticker ticker, IntSupplier baud) {
        return new PacedLine(line, ticker, baud, true);
    }

    private static IntSupplier constant(int baud) {
        return () -> baud;
    }

    /** One direction of the wire: a burst of back-to-back bytes at one speed. */
    private final class Wire {
        /** Ticker time at which the current burst began. */
        long start;
        /** Bytes in the burst so far. */
        long bytes;
        long burstBaud = 1;

        /** Ticker time at which byte {@code index} of the burst has fully crossed the wire. */
        long endOfByte(long index) {
            return start + (index + 1) * bitsPerCharacter * 1_000_000_000L / burstBaud;
        }

        /** Starts a new burst unless the wire is still busy at the same speed. */
        void prepare(long now) {
            int b = baud.getAsInt();
            boolean idle = bytes == 0 || now > endOfByte(bytes - 1);
            if (idle || b != burstBaud) {
                start = idle ? now : endOfByte(bytes - 1);
                bytes = 0;
                burstBaud = b;
            }
        }
    }

    /** Returns once the last byte has left the (simulated) wire. */
    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        Objects.checkFromIndexSize(offset, len, data.length);
        if (len == 0) return;
        synchronized (tx) {
            tx.prepare(ticker.nanoTime());
            int sent = 0;
            try {
                while (sent < len) {
                    long now = ticker.nanoTime();
                    int due = sent;
                    while (due < len && tx.endOfByte(tx.bytes + due) <= now) due++;
                    if (due > sent) {
                        line.write(data, offset + sent, due - sent);
                        sent = due;
                    } else {
                        ticker.waitUntil(tx.endOfByte(tx.bytes + sent));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerialException(name() + ": interrupted while writing", e);
            } finally {
                tx.bytes += sent;
            }
        }
    }

    /** With paced reads: the bytes that have arrived by now, waiting for the first of them as the wire does. */
    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        if (!paceReads) return line.read(buffer, offset, len, timeout);
        SerialLine.checkReadArguments(buffer, offset, len, timeout);
        if (len == 0) return 0;
        synchronized (rx) {
            if (pendingAt == pendingEnd) {
                if (pending.length < len) pending = new byte[len];
                int n = line.read(pending, 0, len, timeout);
                if (n <= 0) return n;
                rx.prepare(ticker.nanoTime());
                pendingAt = 0;
                pendingEnd = n;
            }
            try {
                ticker.waitUntil(rx.endOfByte(rx.bytes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerialException(name() + ": interrupted while reading", e);
            }
            long now = ticker.nanoTime();
            int arrived = 1;
            while (arrived < Math.min(len, pendingEnd - pendingAt) && rx.endOfByte(rx.bytes + arrived) <= now) arrived++;
            System.arraycopy(pending, pendingAt, buffer, offset, arrived);
            pendingAt += arrived;
            rx.bytes += arrived;
            return arrived;
        }
    }

    @Override
    public String toString() {
        return "paced " + line;
    }
}
