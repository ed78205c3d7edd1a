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
 * changes the port's speed (esptool after CHANGE_BAUDRATE) follows it. With a transmit FIFO
 * ({@link #uart(SerialLine, Ticker, IntSupplier, int)}) a write returns as soon as its bytes fit in the FIFO, as a
 * UART driver's does, and a daemon thread puts them on the wire; it blocks only while the FIFO is full. The plain
 * constructor passes reads through at the line's fixed baud.
 */
public final class PacedLine extends ForwardingLine {

    private final Ticker ticker;
    private final long bitsPerCharacter;
    private final IntSupplier baud;
    private final boolean paceReads;

    /** Bytes the transmitter hands on at least per wake-up (fewer only when the FIFO holds fewer). */
    private static final int TX_RUN = 64;

    private final Wire tx = new Wire();
    private final Wire rx = new Wire();
    /** Bytes written but not yet on the wire (the UART's transmit FIFO), {@code fifo[fifoHead..+fifoCount)} modulo its size. */
    private final byte[] fifo;
    private int fifoHead;
    private int fifoCount;
    private boolean closed;
    /** Bytes read from the wrapped line that have not arrived yet: {@code pending[pendingAt..pendingEnd)}. */
    private byte[] pending = new byte[0];
    private int pendingAt;
    private int pendingEnd;

    public PacedLine(SerialLine line, Ticker ticker) {
        this(line, ticker, constant(line.settings().baud()), false);
    }

    private PacedLine(SerialLine line, Ticker ticker, IntSupplier baud, boolean paceReads, int fifoBytes) {
        super(line);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.bitsPerCharacter = line.settings().bitsPerCharacter();
        this.baud = Objects.requireNonNull(baud, "baud");
        this.paceReads = paceReads;
        this.fifo = new byte[fifoBytes];
        if (fifoBytes > 0) {
            Thread t = new Thread(this::drainFifo, "uart-tx " + line.name());
            t.setDaemon(true);
            t.start();
        }
    }

    private PacedLine(SerialLine line, Ticker ticker, IntSupplier baud, boolean paceReads) {
        this(line, ticker, baud, paceReads, 0);
    }

    /** Both directions paced at {@code baud} (asked again for every new burst); a write returns once its last byte is out. */
    public static PacedLine uart(SerialLine line, Ticker ticker, IntSupplier baud) {
        return new PacedLine(line, ticker, baud, true);
    }

    /** Both directions paced at {@code baud}, writes going through a transmit FIFO of {@code fifoBytes}. */
    public static PacedLine uart(SerialLine line, Ticker ticker, IntSupplier baud, int fifoBytes) {
        if (fifoBytes <= 0) throw new IllegalArgumentException("a FIFO holds at least one byte: " + fifoBytes);
        return new PacedLine(line, ticker, baud, true, fifoBytes);
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

        /** About a millisecond of wire at the burst's speed, in bytes (at least 1). */
        int bytesPerMilli() {
            return (int) Math.max(1, burstBaud / bitsPerCharacter / 1000);
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

    /** Returns once the last byte has left the (simulated) wire, or with a FIFO once it is in the FIFO. */
    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        Objects.checkFromIndexSize(offset, len, data.length);
        if (len == 0) return;
        if (fifo.length > 0) {
            enqueue(data, offset, len);
            return;
        }
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

    private void enqueue(byte[] data, int offset, int len) throws SerialException {
        int done = 0;
        synchronized (fifo) {
            try {
                while (done < len) {
                    while (fifoCount == fifo.length && !closed) fifo.wait();
                    if (closed) throw new org.mepkit.serial.PortDisconnectedException(name() + ": closed");
                    while (done < len && fifoCount < fifo.length) {
                        fifo[(fifoHead + fifoCount) % fifo.length] = data[offset + done++];
                        fifoCount++;
                    }
                    fifo.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerialException(name() + ": interrupted while writing", e);
            }
        }
    }

    /** The transmitter: moves FIFO bytes onto the wire, each when its last bit would have left. */
    private void drainFifo() {
        try {
            while (true) {
                synchronized (fifo) {
                    while (fifoCount == 0 && !closed) fifo.wait();
                    if (closed) return;
                }
                synchronized (tx) {
                    tx.prepare(ticker.nanoTime());
                    int count;
                    synchronized (fifo) {
                        count = fifoCount;
                    }
                    // hand bytes on in runs (64 bytes or a millisecond of wire), not one wake-up per byte
                    int run = Math.min(count, Math.max(TX_RUN, tx.bytesPerMilli()));
                    ticker.waitUntil(tx.endOfByte(tx.bytes + run - 1));
                    long now = ticker.nanoTime();
                    byte[] out;
                    synchronized (fifo) {
                        int due = 1;
                        while (due < fifoCount && tx.endOfByte(tx.bytes + due) <= now) due++;
                        out = new byte[due];
                        for (int i = 0; i < due; i++) out[i] = fifo[(fifoHead + i) % fifo.length];
                        fifoHead = (fifoHead + due) % fifo.length;
                        fifoCount -= due;
                        fifo.notifyAll();
                    }
                    tx.bytes += out.length;
                    try {
                        line.write(out, 0, out.length);
                    } catch (SerialException e) {
                        // the wire is gone: what the UART sends is lost, as with nobody listening
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the FIFO is empty (its bytes are on the wire). */
    @Override
    public void drain() throws SerialException {
        synchronized (fifo) {
            try {
                while (fifoCount > 0 && !closed) fifo.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SerialException(name() + ": interrupted while draining", e);
            }
        }
        synchronized (tx) {
            line.drain();
        }
    }

    @Override
    public void close() {
        synchronized (fifo) {
            closed = true;
            fifo.notifyAll();
        }
        super.close();
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
                // wait for a millisecond's worth (or all that was read), not one wake-up per byte
                int run = Math.min(Math.min(len, pendingEnd - pendingAt), rx.bytesPerMilli());
                ticker.waitUntil(rx.endOfByte(rx.bytes + run - 1));
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
