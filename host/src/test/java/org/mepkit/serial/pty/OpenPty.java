package org.mepkit.serial.pty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * A pseudo-terminal made in-process with {@code openpty(3)} through JNA: the code under test
 * opens {@link #portPath()} (the slave, {@code /dev/pts/N}) like a serial port, and the test
 * plays the device on the master side with {@link #write} and {@link #read}. No external process.
 *
 * <p>The slave is put in raw mode before anyone writes, and its fd is held open until
 * {@link #close()} (as socat does), so the port can be opened and closed repeatedly.
 * {@link #unplug()} closes the master: the port then sees EIO, as when a USB adapter is pulled.
 * A pty does not pace bytes, has no modem lines and ignores parity (see serial-testing.md).
 */
public final class OpenPty implements AutoCloseable {

    /** The libc calls used; {@code size_t}/{@code ssize_t} are {@code NativeLong} on Linux. */
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

        int cfgetospeed(Pointer termios);

        int flock(int fd, int operation);
    }

    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;

    private static final short POLLIN = 0x001;
    /** {@code struct termios} is 60 bytes on x86_64 glibc; room to spare. */
    private static final int TERMIOS_SIZE = 128;

    private final int masterFd;
    private final int slaveFd;
    private final String portPath;
    private boolean masterOpen = true;
    private boolean slaveOpen = true;

    private OpenPty(int masterFd, int slaveFd, String portPath) {
        this.masterFd = masterFd;
        this.slaveFd = slaveFd;
        this.portPath = portPath;
    }

    /** A fresh pty with its slave in raw mode. */
    public static OpenPty open() throws IOException {
        IntByReference master = new IntByReference();
        IntByReference slave = new IntByReference();
        if (LibC.C.openpty(master, slave, null, null, null) != 0) {
            throw new IOException("openpty failed (errno " + Native.getLastError() + ")");
        }
        String path = LibC.C.ttyname(slave.getValue());
        Memory termios = new Memory(TERMIOS_SIZE);
        if (path == null || LibC.C.tcgetattr(slave.getValue(), termios) != 0) {
            LibC.C.close(master.getValue());
            LibC.C.close(slave.getValue());
            throw new IOException("cannot set up the pty (errno " + Native.getLastError() + ")");
        }
        LibC.C.cfmakeraw(termios);
        LibC.C.tcsetattr(slave.getValue(), 0, termios);
        return new OpenPty(master.getValue(), slave.getValue(), path);
    }

    /** The path the code under test opens, e.g. {@code /dev/pts/3}. */
    public String portPath() {
        return portPath;
    }

    /** Sends bytes to the port, as the device would. */
    public synchronized void write(byte[] data) throws IOException {
        int at = 0;
        while (at < data.length) {
            byte[] chunk = at == 0 ? data : java.util.Arrays.copyOfRange(data, at, data.length);
            long n = LibC.C.write(masterFd, chunk, new NativeLong(chunk.length)).longValue();
            if (n < 0) throw new IOException("write to the pty master failed (errno " + Native.getLastError() + ")");
            at += (int) n;
        }
    }

    /**
     * Reads what the port sent, waiting up to {@code timeout} for the first byte.
     *
     * @return the bytes (empty when nothing came within the timeout)
     */
    public byte[] read(int max, Duration timeout) throws IOException {
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, masterFd);
        pollfd.setShort(4, POLLIN);
        pollfd.setShort(6, (short) 0);
        int ready = LibC.C.poll(pollfd, new NativeLong(1), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (ready < 0) throw new IOException("poll on the pty master failed (errno " + Native.getLastError() + ")");
        if (ready == 0) return new byte[0];
        byte[] buf = new byte[max];
        long n = LibC.C.read(masterFd, buf, new NativeLong(max)).longValue();
        if (n < 0) throw new IOException("read from the pty master failed (errno " + Native.getLastError() + ")");
        return java.util.Arrays.copyOf(buf, (int) n);
    }

    /** Reads exactly {@code count} bytes the port sent, failing after {@code timeout} overall. */
    public byte[] readExactly(int count, Duration timeout) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new IOException("only " + got.size() + " of " + count + " bytes from the port within " + timeout);
            }
            got.writeBytes(read(count - got.size(), Duration.ofMillis(leftMs)));
        }
        return got.toByteArray();
    }

    /** The output speed the port's user set (termios of the slave, read through the master), in baud. */
    public int baud() throws IOException {
        Memory termios = new Memory(TERMIOS_SIZE);
        if (LibC.C.tcgetattr(masterFd, termios) != 0) {
            throw new IOException("tcgetattr failed (errno " + Native.getLastError() + ")");
        }
        return SpeedCodes.baud(LibC.C.cfgetospeed(termios));
    }

    /**
     * Takes the exclusive {@code flock} on the port, as another program that has it open would
     * (jSerialComm takes the same lock); released by {@link #close()}.
     */
    public void lockLikeAnotherProgram() throws IOException {
        if (LibC.C.flock(slaveFd, LOCK_EX | LOCK_NB) != 0) {
            throw new IOException("flock on " + portPath + " failed (errno " + Native.getLastError() + ")");
        }
    }

    /** Pulls the "cable": closes the master, so the port's reads fail with EIO. */
    public synchronized void unplug() {
        if (masterOpen) {
            LibC.C.close(masterFd);
            masterOpen = false;
        }
    }

    @Override
    public synchronized void close() {
        unplug();
        if (slaveOpen) {
            LibC.C.close(slaveFd);
            slaveOpen = false;
        }
    }

    @Override
    public String toString() {
        return "pty " + portPath;
    }
}
