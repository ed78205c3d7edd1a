package org.mepkit.board.pty;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * A serial line on a pseudo-terminal path opened with jSerialComm. Reads poll
 * {@code bytesAvailable()} against a deadline (a pty rounds VTIME to 100 ms), so short
 * timeouts are honoured. Used by the virtual board and the bench until the serial layer's
 * {@code JscPorts} is on main.
 */
public final class PtyLine implements SerialLine {

    private static final long POLL_NANOS = 2_000_000L;

    private final SerialPort port;
    private final String path;
    private final LineSettings settings;
    private volatile boolean closed;

    private PtyLine(SerialPort port, String path, LineSettings settings) {
        this.port = port;
        this.path = path;
        this.settings = settings;
    }

    public static PtyLine open(String path, LineSettings settings) throws SerialException {
        if (!new java.io.File(path).exists()) throw new PortNotFoundException(path + ": no such port");
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(settings.baud(), settings.dataBits(), SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new SerialException(path + ": cannot open (error " + port.getLastErrorCode() + ")");
        }
        return new PtyLine(port, path, settings);
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public LineSettings settings() {
        return settings;
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed) throw new PortDisconnectedException(path + ": closed");
            int available = port.bytesAvailable();
            if (available < 0) throw new PortDisconnectedException(path + ": port went away");
            if (available > 0) {
                byte[] tmp = new byte[Math.min(available, len)];
                int n = port.readBytes(tmp, tmp.length);
                if (n < 0) throw new PortDisconnectedException(path + ": port went away");
                System.arraycopy(tmp, 0, buffer, offset, n);
                return n;
            }
            long left = end - System.nanoTime();
            if (left <= 0) return 0;
            LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        }
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        if (closed) throw new PortDisconnectedException(path + ": closed");
        byte[] tmp = offset == 0 && len == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + len);
        int done = 0;
        while (done < len) {
            int n = port.writeBytes(tmp, len - done, done);
            if (n <= 0) throw new PortDisconnectedException(path + ": write failed (error " + port.getLastErrorCode() + ")");
            done += n;
        }
    }

    @Override
    public void drain() {
        // a pty has no transmitter to wait for: written bytes are already with the peer
    }

    @Override
    public void discardInput() {
        port.flushIOBuffers();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }
}
