package org.mepkit.serial.pty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.mepkit.serial.LineSettings;

/**
 * Test view of an in-process pseudo-terminal ({@link PtyMasterLine}, {@code openpty(3)} through JNA): the code
 * under test opens {@link #portPath()} (the slave, {@code /dev/pts/N}) like a serial port, and the test plays the
 * device on the master side with {@link #write} and {@link #read}. No external process.
 *
 * <p>The slave is in raw mode before anyone writes, and this side holds it open until {@link #close()} (as socat
 * does), so the port can be opened and closed repeatedly. {@link #unplug()} closes the master: the port then sees
 * EIO, as when a USB adapter is pulled. A pty does not pace bytes, has no modem lines and ignores parity.
 */
public final class OpenPty implements AutoCloseable {

    private final PtyMasterLine line;

    private OpenPty(PtyMasterLine line) {
        this.line = line;
    }

    /** A fresh pty with its slave in raw mode. */
    public static OpenPty open() throws IOException {
        return new OpenPty(PtyMasterLine.open(LineSettings.MEP));
    }

    /** The path the code under test opens, e.g. {@code /dev/pts/3}. */
    public String portPath() {
        return line.slavePath();
    }

    /** Sends bytes to the port, as the device would. */
    public void write(byte[] data) throws IOException {
        line.write(data);
    }

    /** Reads what the port sent, waiting up to {@code timeout} for the first byte; empty when nothing came. */
    public byte[] read(int max, Duration timeout) throws IOException {
        byte[] buf = new byte[max];
        int n = line.read(buf, 0, max, timeout);
        return java.util.Arrays.copyOf(buf, n);
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

    /** The output speed the port's user set, in baud. */
    public int baud() throws IOException {
        return line.outputBaud();
    }

    /** Takes the exclusive {@code flock} on the port, as another program that has it open would. */
    public void lockLikeAnotherProgram() throws IOException {
        line.lockSlave();
    }

    /** Pulls the "cable": closes the master, so the port's reads fail with EIO. */
    public void unplug() {
        line.unplug();
    }

    @Override
    public void close() {
        line.close();
    }

    @Override
    public String toString() {
        return "pty " + portPath();
    }
}
