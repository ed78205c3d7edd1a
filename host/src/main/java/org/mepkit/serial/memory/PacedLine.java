package org.mepkit.serial.memory;

import java.util.Objects;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Ticker;

/**
 * Makes writes take as long as they would on a real UART: each byte is handed to the wrapped
 * line when its last bit would have left the wire ({@link LineSettings#bitsPerCharacter()} / baud
 * per byte). A pty or an in-memory pair moves bytes hundreds of times faster than 9600 baud;
 * this puts wire time back.
 *
 * <p>Pacing is by deadlines computed from the start of a burst, so it does not drift however the
 * waits are rounded; bytes whose deadline has already passed go out together. Consecutive writes
 * that follow each other faster than the wire continue back to back. With a
 * {@link org.mepkit.time.ManualTicker#autoAdvancing() auto-advancing} ticker it runs in virtual
 * time; with {@link org.mepkit.time.SystemTicker} in real time. Reads are passed through.
 */
public final class PacedLine extends ForwardingLine {

    private final Ticker ticker;
    private final long bitsPerCharacter;
    private final long baud;
    /** Ticker time at which the current burst of back-to-back bytes began. */
    private long burstStart;
    /** Bytes handed on since {@link #burstStart}. */
    private long burstBytes;

    public PacedLine(SerialLine line, Ticker ticker) {
        super(line);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.bitsPerCharacter = line.settings().bitsPerCharacter();
        this.baud = line.settings().baud();
    }

    /** Returns once the last byte has left the (simulated) wire. */
    @Override
    public synchronized void write(byte[] data, int offset, int len) throws SerialException {
        Objects.checkFromIndexSize(offset, len, data.length);
        if (len == 0) return;
        long now = ticker.nanoTime();
        if (burstBytes == 0 || now > endOfByte(burstBytes - 1)) {
            burstStart = now;   // the wire was idle: a new burst starts now
            burstBytes = 0;
        }
        int sent = 0;
        try {
            while (sent < len) {
                now = ticker.nanoTime();
                int due = sent;
                while (due < len && endOfByte(burstBytes + due) <= now) due++;
                if (due > sent) {
                    line.write(data, offset + sent, due - sent);
                    sent = due;
                } else {
                    ticker.waitUntil(endOfByte(burstBytes + sent));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(name() + ": interrupted while writing", e);
        } finally {
            burstBytes += sent;
        }
    }

    /** Ticker time at which byte {@code index} of the current burst has fully left the wire. */
    private long endOfByte(long index) {
        return burstStart + (index + 1) * bitsPerCharacter * 1_000_000_000L / baud;
    }

    @Override
    public String toString() {
        return "paced " + line;
    }
}
