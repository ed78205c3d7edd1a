package org.mepkit.serial.jsc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.mepkit.serial.AbstractSerialLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.UnsupportedLineFeatureException;
import org.mepkit.time.Ticker;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A {@link SerialLine} on a real port (or a pty) through jSerialComm, the only class that talks
 * to it. Open one with {@link JscPorts#open}.
 *
 * <p>Timed reads: on Linux the native read timeout is in deciseconds (a 20 ms timeout becomes
 * 100 ms), so a read waits natively only for whole 100 ms steps and polls
 * {@code bytesAvailable()} against the {@link Ticker} deadline for the rest; a 20 ms timeout
 * really is about 20 ms. A native read returns as soon as the first byte arrives.
 *
 * <p>Disconnect: jSerialComm reports an unplugged port as a read of -1, a write of 0 and
 * {@code bytesAvailable()} of -1. The first such sign marks the line disconnected and every later
 * call throws {@link PortDisconnectedException}. No event listener is used: jSerialComm's
 * PORT_DISCONNECTED event repeats in a hot loop until the port is closed.
 */
final class JscSerialLine extends AbstractSerialLine {

    /** The native timeout granularity on Linux. */
    private static final long NATIVE_STEP_MS = 100;
    /**
     * The longest native wait asked for at once. jSerialComm stores the timeout in VTIME, a byte of
     * deciseconds: 25.6 s would wrap to 0 (a non-blocking read) and 30 s to 4.4 s.
     */
    static final long NATIVE_MAX_MS = 10_000;
    /** Longer timeouts are treated as this (about 73 years), so deadline arithmetic cannot overflow. */
    private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;
    /** How often the short tail of a read polls for data. */
    private static final Duration POLL = Duration.ofNanos(500_000);

    private final boolean pseudoTerminal;
    private final SerialPort port;
    private final Ticker ticker;
    private final Runnable onClose;
    /** Reads and writes are independent (full duplex): a read waiting for data must not hold up a write. */
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private int timeoutMode = -1;
    private int readTimeoutMs = -1;
    private volatile boolean disconnected;
    private volatile boolean closed;

    JscSerialLine(String name, boolean pseudoTerminal, SerialPort port, LineSettings settings, Ticker ticker) {
        this(name, pseudoTerminal, port, settings, ticker, () -> { });
    }

    JscSerialLine(String name, boolean pseudoTerminal, SerialPort port, LineSettings settings, Ticker ticker,
            Runnable onClose) {
        super(name, settings);
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.pseudoTerminal = pseudoTerminal;
        this.port = Objects.requireNonNull(port, "port");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    void configure() throws SerialException {
        int stopBits = settings.stopBits() == LineSettings.StopBits.ONE ? SerialPort.ONE_STOP_BIT : SerialPort.TWO_STOP_BITS;
        int parity = switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
        if (!port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits, parity)) {
            throw new UnsupportedLineFeatureException(name + ": the port refused " + describe(settings)
                    + " (OS error " + port.getLastErrorCode() + ")");
        }
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        setTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0);
    }

    @Override
    protected int readChecked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        synchronized (readLock) {
            return readLocked(buffer, offset, len, timeout);
        }
    }

    private int readLocked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        checkUsable();
        if (len == 0) return 0;
        long deadline = ticker.nanoTime() + cappedNanos(timeout);
        try {
            while (true) {
                int available = port.bytesAvailable();
                if (available < 0) throw disconnected();
                if (available > 0) return readNow(buffer, offset, Math.min(available, len));
                long leftMs = (deadline - ticker.nanoTime()) / 1_000_000;
                if (leftMs >= NATIVE_STEP_MS) {
                    long nativeMs = Math.min(NATIVE_MAX_MS, leftMs / NATIVE_STEP_MS * NATIVE_STEP_MS);
                    setTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) nativeMs);
                    int n = port.readBytes(buffer, len, offset);
                    if (n < 0) throw disconnected();
                    if (n > 0) return n;
                } else if (ticker.nanoTime() - deadline >= 0) {
                    return 0;
                } else {
                    ticker.waitUntil(Math.min(deadline, ticker.nanoTime() + POLL.toNanos()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(name + ": interrupted while waiting for data", e);
        }
    }

    private static long cappedNanos(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(MAX_TIMEOUT_NANOS)) > 0 ? MAX_TIMEOUT_NANOS : timeout.toNanos();
    }

    private int readNow(byte[] buffer, int offset, int len) throws SerialException {
        setTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0);
        int n = port.readBytes(buffer, len, offset);
        if (n < 0) throw disconnected();
        return n;
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        Objects.checkFromIndexSize(offset, len, data.length);
        synchronized (writeLock) {
            checkUsable();
            int written = 0;
            while (written < len) {
                int n = port.writeBytes(data, len - written, offset + written);
                if (n <= 0) {
                    if (n < 0 || port.bytesAvailable() < 0 || isGoneError(port.getLastErrorCode())) throw disconnected();
                    throw new SerialException(name + ": write failed (OS error " + port.getLastErrorCode() + ")");
                }
                written += n;
            }
        }
    }

    @Override
    public void drain() throws SerialException {
        synchronized (writeLock) {
            drainLocked();
        }
    }

    private void drainLocked() throws SerialException {
        checkUsable();
        int pending = port.bytesAwaitingWrite();
        if (pending < 0) throw disconnected();
        long deadline = ticker.nanoTime() + settings.wireTime(pending).multipliedBy(2).plusMillis(100).toNanos();
        try {
            while (pending > 0 && ticker.nanoTime() - deadline < 0) {
                ticker.waitUntil(Math.min(deadline, ticker.nanoTime() + POLL.toNanos()));
                pending = port.bytesAwaitingWrite();
                if (pending < 0) throw disconnected();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(name + ": interrupted while draining", e);
        }
    }

    /**
     * Drops what has arrived. The kernel's flush ({@code flushIOBuffers()}) also catches bytes
     * still on their way through the tty layer, but it flushes output too, so it is used only
     * when no output is pending; otherwise what is readable is read and dropped.
     */
    @Override
    public void discardInput() throws SerialException {
        synchronized (readLock) {
            checkUsable();
            int pendingOutput = port.bytesAwaitingWrite();
            if (pendingOutput < 0) throw disconnected();
            if (pendingOutput == 0) port.flushIOBuffers();
            byte[] sink = new byte[4096];
            int available;
            while ((available = port.bytesAvailable()) != 0) {
                if (available < 0) throw disconnected();
                readNow(sink, 0, Math.min(available, sink.length));
            }
        }
    }

    /** Right after open nothing has been written: flush both directions. */
    void discardStaleInput() throws SerialException {
        port.flushIOBuffers();
        discardInput();
    }

    @Override
    public Optional<ModemControl> modemControl() {
        if (pseudoTerminal) return Optional.empty();
        return Optional.of(new JscModemControl());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            port.closePort();
        } finally {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Only the read part changes; writes always block until the bytes are handed to the OS. */
    private void setTimeouts(int mode, int readMs) {
        int combined = mode | SerialPort.TIMEOUT_WRITE_BLOCKING;
        if (combined == timeoutMode && readMs == readTimeoutMs) return;
        port.setComPortTimeouts(combined, readMs, 0);
        timeoutMode = combined;
        readTimeoutMs = readMs;
    }

    private void checkUsable() throws SerialException {
        if (closed) throw new PortDisconnectedException(name + ": the port is closed");
        if (disconnected) throw new PortDisconnectedException(name + ": the port went away (unplugged?)");
    }

    private PortDisconnectedException disconnected() {
        if (closed) return new PortDisconnectedException(name + ": the port is closed");
        disconnected = true;
        return new PortDisconnectedException(name + ": the port went away (unplugged?)");
    }

    private static boolean isGoneError(int errno) {
        return errno == 5 || errno == JscPorts.ENXIO || errno == JscPorts.ENODEV;
    }

    private static String describe(LineSettings s) {
        return s.baud() + " " + s.dataBits() + s.parity().name().charAt(0) + (s.stopBits() == LineSettings.StopBits.ONE ? "1" : "2");
    }

    /** DTR and RTS of a real adapter; a refusal is an error, never silently ignored. */
    private final class JscModemControl implements ModemControl {

        @Override
        public void setDtr(boolean asserted) throws SerialException {
            synchronized (writeLock) {
                checkUsable();
                boolean ok = asserted ? port.setDTR() : port.clearDTR();
                if (!ok) throw refused("DTR");
            }
        }

        @Override
        public void setRts(boolean asserted) throws SerialException {
            synchronized (writeLock) {
                checkUsable();
                boolean ok = asserted ? port.setRTS() : port.clearRTS();
                if (!ok) throw refused("RTS");
            }
        }

        private UnsupportedLineFeatureException refused(String signal) {
            return new UnsupportedLineFeatureException(name + ": the port cannot drive " + signal
                    + " (OS error " + port.getLastErrorCode() + ")");
        }
    }
}
