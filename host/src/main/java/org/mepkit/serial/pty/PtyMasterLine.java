package org.mepkit.serial.pty;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * The device's side of a pseudo-terminal made in-process with {@code openpty(3)} (JNA), as a {@link SerialLine}
 * on the master. The host program opens {@link #slavePath()} (a real {@code /dev/pts/N}) like a serial port.
 *
 * <p>Unlike a socat pair, the device sees the host's close: once {@link #releaseSlave()} has dropped this side's
 * own slave fd, the master reports a hang-up when the last host closes the port, and {@link #read} throws
 * {@link PortDisconnectedException} — how a virtual chip notices "the host closed the port" (its reset).
 * {@link #hostConnected()} tells when a host has the port open again. Writes never block for long: with no host
 * reading, bytes that do not fit the pty's buffer are dropped, as a UART drops them with nobody listening.
 * {@link #unplug()} closes the master: the host's reads then fail with EIO, as when a USB adapter is pulled.
 */
public final class PtyMasterLine implements SerialLine {

    interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int openpty(IntByReference master, IntByReference slave, Pointer name, Pointer termp, Pointer winp);

        int ttyname_r(int fd, Pointer buf, NativeLong buflen);

        NativeLong read(int fd, byte[] buf, NativeLong n);

        NativeLong write(int fd, byte[] buf, NativeLong n);

        int close(int fd);

        int poll(Pointer fds, NativeLong nfds, int timeoutMs);

        int tcgetattr(int fd, Pointer termios);

        int tcsetattr(int fd, int action, Pointer termios);

        void cfmakeraw(Pointer termios);

        int fcntl(int fd, int cmd, int arg);

        int cfgetospeed(Pointer termios);

        int flock(int fd, int operation);
    }

    private static final short POLLIN = 0x001;
    private static final short POLLOUT = 0x004;
    private static final short POLLERR = 0x008;
    private static final short POLLHUP = 0x010;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 04000;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int PATH_MAX = 4096;
    /** How long a write waits for a slow host to make room before dropping the rest. */
    private static final int WRITE_WAIT_MS = 500;

    private final int master;
    private int slave;
    private final String slavePath;
    private final LineSettings settings;
    private Path link;
    private volatile boolean closed;

    private PtyMasterLine(int master, int slave, String slavePath, LineSettings settings) {
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
        this.settings = settings;
    }

    /** A fresh pty, slave in raw mode, this side still holding the slave open. */
    public static PtyMasterLine open(LineSettings settings) throws SerialException {
        IntByReference m = new IntByReference();
        IntByReference s = new IntByReference();
        if (LibC.C.openpty(m, s, null, null, null) != 0) {
            throw new SerialException("openpty failed (errno " + Native.getLastError() + ")");
        }
        Memory termios = new Memory(128);
        // ttyname(3) returns a shared static buffer: boards opening ptys in parallel overwrote each other's names
        Memory name = new Memory(PATH_MAX);
        String path = LibC.C.ttyname_r(s.getValue(), name, new NativeLong(PATH_MAX)) == 0 ? name.getString(0) : null;
        if (path == null || LibC.C.tcgetattr(s.getValue(), termios) != 0) {
            LibC.C.close(m.getValue());
            LibC.C.close(s.getValue());
            throw new SerialException("cannot set up the pty (errno " + Native.getLastError() + ")");
        }
        LibC.C.cfmakeraw(termios);
        LibC.C.tcsetattr(s.getValue(), 0, termios);
        int flags = LibC.C.fcntl(m.getValue(), F_GETFL, 0);
        LibC.C.fcntl(m.getValue(), F_SETFL, flags | O_NONBLOCK);
        return new PtyMasterLine(m.getValue(), s.getValue(), path, settings);
    }

    /** The path a host opens, e.g. {@code /dev/pts/3}. */
    public String slavePath() {
        return slavePath;
    }

    /**
     * Adds a symbolic link to the slave (a stable name such as {@code DIR/meter}, replacing a stale one); it is
     * removed with the pty. Best effort: {@link #slavePath()} stays the real path.
     */
    public synchronized void linkAs(Path link) {
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(slavePath));
            this.link = link;
        } catch (IOException | UnsupportedOperationException e) {
            // the link is a convenience; slavePath() is the real path
        }
    }

    /** Drops this side's hold on the slave: from now on the host closing the port is a hang-up here. */
    public synchronized void releaseSlave() {
        if (slave >= 0) {
            LibC.C.close(slave);
            slave = -1;
        }
    }

    /** The output speed the port's user set (termios of the slave, read through the master), in baud. */
    public int outputBaud() throws SerialException {
        Memory termios = new Memory(128);
        if (LibC.C.tcgetattr(master, termios) != 0) {
            throw new SerialException("tcgetattr on " + slavePath + " failed (errno " + Native.getLastError() + ")");
        }
        return SpeedCodes.baud(LibC.C.cfgetospeed(termios));
    }

    /**
     * Takes the exclusive {@code flock} on the slave this side still holds, as another program that has the port
     * open would (jSerialComm takes the same lock); released with the slave.
     */
    public synchronized void lockSlave() throws SerialException {
        if (slave < 0 || LibC.C.flock(slave, LOCK_EX | LOCK_NB) != 0) {
            throw new SerialException("flock on " + slavePath + " failed (errno " + Native.getLastError() + ")");
        }
    }

    /** True when some process has the slave open (no hang-up pending on the master). */
    public boolean hostConnected() {
        if (closed) return false;
        return (pollMaster(POLLIN, 0) & POLLHUP) == 0;
    }

    @Override
    public String name() {
        return slavePath;
    }

    @Override
    public LineSettings settings() {
        return settings;
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        if (closed) throw new PortDisconnectedException(slavePath + ": closed");
        int revents = pollMaster(POLLIN, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        if (revents < 0) throw new PortDisconnectedException(slavePath + ": poll failed");
        if (revents == 0) return 0;
        if ((revents & POLLIN) == 0 && (revents & (POLLHUP | POLLERR)) != 0) {
            throw new PortDisconnectedException(slavePath + ": the host closed the port");
        }
        byte[] tmp = new byte[len];
        long n = LibC.C.read(master, tmp, new NativeLong(len)).longValue();
        if (n < 0 && Native.getLastError() == 11) return 0;
        if (n <= 0) throw new PortDisconnectedException(slavePath + ": the host closed the port");
        System.arraycopy(tmp, 0, buffer, offset, (int) n);
        return (int) n;
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        if (closed) throw new PortDisconnectedException(slavePath + ": closed");
        byte[] rest = Arrays.copyOfRange(data, offset, offset + len);
        while (rest.length > 0) {
            long n = LibC.C.write(master, rest, new NativeLong(rest.length)).longValue();
            if (n > 0) {
                rest = Arrays.copyOfRange(rest, (int) n, rest.length);
                continue;
            }
            int errno = Native.getLastError();
            if (n < 0 && errno != 11) throw new PortDisconnectedException(slavePath + ": write failed (errno " + errno + ")");
            int revents = pollMaster(POLLOUT, WRITE_WAIT_MS);
            if (revents <= 0 || (revents & POLLOUT) == 0) return;   // nobody drains the port: the bytes are lost
        }
    }

    @Override
    public void drain() {
    }

    @Override
    public void discardInput() {
    }

    /** Pulls the "cable": closes the master, so the host's reads fail with EIO. */
    public void unplug() {
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        releaseSlave();
        LibC.C.close(master);
        if (link != null) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException e) {
                // a stale link is replaced on the next start
            }
        }
    }

    private int pollMaster(short events, int timeoutMs) {
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, master);
        pollfd.setShort(4, events);
        pollfd.setShort(6, (short) 0);
        int ready = LibC.C.poll(pollfd, new NativeLong(1), timeoutMs);
        if (ready < 0) return -1;
        if (ready == 0) return 0;
        return pollfd.getShort(6) & 0xFFFF;
    }

    @Override
    public String toString() {
        return "pty master of " + slavePath;
    }
}
