package org.mepkit.board.rom;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.Arrays;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * Test helper: the device's side of a pty, as a {@link SerialLine} on the master. The host program opens
 * {@link #slavePath()}. Once the host has it open, {@link #releaseSlave()} drops this side's own slave fd, so
 * that when the host closes the port the master sees a hang-up and reads throw
 * {@link PortDisconnectedException}: how a virtual chip notices "the host closed the port" (its reset).
 */
final class PtyMasterLine implements SerialLine {

    interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int openpty(IntByReference master, IntByReference slave, Pointer name, Pointer termp, Pointer winp);

        String ttyname(int fd);

        NativeLong read(int fd, byte[] buf, NativeLong n);

        NativeLong write(int fd, byte[] buf, NativeLong n);

        int close(int fd);

        int poll(Pointer fds, NativeLong nfds, int timeoutMs);

        int tcgetattr(int fd, Pointer termios);

        int tcsetattr(int fd, int action, Pointer termios);

        void cfmakeraw(Pointer termios);
    }

    private static final short POLLIN = 0x001;
    private static final short POLLHUP = 0x010;
    private static final short POLLERR = 0x008;

    private final int master;
    private int slave;
    private final String slavePath;
    private volatile boolean closed;

    private PtyMasterLine(int master, int slave, String slavePath) {
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
    }

    static PtyMasterLine open() throws SerialException {
        IntByReference m = new IntByReference();
        IntByReference s = new IntByReference();
        if (LibC.C.openpty(m, s, null, null, null) != 0) throw new SerialException("openpty failed");
        Memory termios = new Memory(128);
        LibC.C.tcgetattr(s.getValue(), termios);
        LibC.C.cfmakeraw(termios);
        LibC.C.tcsetattr(s.getValue(), 0, termios);
        return new PtyMasterLine(m.getValue(), s.getValue(), LibC.C.ttyname(s.getValue()));
    }

    String slavePath() {
        return slavePath;
    }

    /** Drops this side's hold on the slave: from now on the host closing the port is a hang-up here. */
    synchronized void releaseSlave() {
        if (slave >= 0) {
            LibC.C.close(slave);
            slave = -1;
        }
    }

    @Override
    public String name() {
        return "pty-master:" + slavePath;
    }

    @Override
    public LineSettings settings() {
        return LineSettings.CONSOLE;
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        if (closed) throw new PortDisconnectedException(name() + " closed");
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, master);
        pollfd.setShort(4, POLLIN);
        pollfd.setShort(6, (short) 0);
        int ready = LibC.C.poll(pollfd, new NativeLong(1), (int) Math.max(1, timeout.toMillis()));
        if (ready < 0) throw new PortDisconnectedException(name() + ": poll failed");
        if (ready == 0) return 0;
        short revents = pollfd.getShort(6);
        if ((revents & POLLIN) == 0 && (revents & (POLLHUP | POLLERR)) != 0) {
            throw new PortDisconnectedException(name() + ": the host closed the port");
        }
        byte[] tmp = new byte[len];
        long n = LibC.C.read(master, tmp, new NativeLong(len)).longValue();
        if (n <= 0) throw new PortDisconnectedException(name() + ": the host closed the port");
        System.arraycopy(tmp, 0, buffer, offset, (int) n);
        return (int) n;
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        byte[] chunk = Arrays.copyOfRange(data, offset, offset + len);
        int at = 0;
        while (at < chunk.length) {
            byte[] rest = at == 0 ? chunk : Arrays.copyOfRange(chunk, at, chunk.length);
            long n = LibC.C.write(master, rest, new NativeLong(rest.length)).longValue();
            if (n < 0) throw new PortDisconnectedException(name() + ": write failed");
            at += (int) n;
        }
    }

    @Override
    public void drain() {
    }

    @Override
    public void discardInput() {
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        releaseSlave();
        LibC.C.close(master);
    }
}
