package org.mepkit.serial;

import java.time.Duration;
import java.util.Optional;

/**
 * A byte pipe to a device: a real port (jSerialComm), one end of an in-memory pair, or a
 * simulated wire. Everything in mepkit that talks to a meter or a board goes through this.
 */
public interface SerialLine extends AutoCloseable {

    /** Identity for messages and logs, e.g. {@code /dev/ttyUSB0} or {@code memory:meter}. */
    String name();

    LineSettings settings();

    /**
     * Reads at least one and at most {@code len} bytes, waiting up to {@code timeout} for the first.
     *
     * @return the number of bytes read, 0 when the timeout passed with nothing received
     * @throws PortDisconnectedException when the line went away (device unplugged, peer closed)
     */
    int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException;

    /**
     * The argument contract of {@link #read}, for implementations to check first.
     *
     * @throws IndexOutOfBoundsException when {@code offset}/{@code len} fall outside {@code buffer}
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    static void checkReadArguments(byte[] buffer, int offset, int len, Duration timeout) {
        java.util.Objects.checkFromIndexSize(offset, len, buffer.length);
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout: " + timeout);
    }

    /** Writes every byte (blocking while the output buffer is full). */
    void write(byte[] data, int offset, int len) throws SerialException;

    default void write(byte[] data) throws SerialException {
        write(data, 0, data.length);
    }

    /** Waits until everything written has left the host (as far as the port can tell). */
    void drain() throws SerialException;

    /** Throws away bytes received but not yet read. */
    void discardInput() throws SerialException;

    /** DTR/RTS control, present only where the port really has modem lines (never on a pty). */
    default Optional<ModemControl> modemControl() {
        return Optional.empty();
    }

    /** Closes the line; closing twice is harmless. */
    @Override
    void close();
}
