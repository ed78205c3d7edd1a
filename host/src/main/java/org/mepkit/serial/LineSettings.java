package org.mepkit.serial;

import java.time.Duration;

/** How a serial line is framed on the wire. */
public record LineSettings(int baud, int dataBits, Parity parity, StopBits stopBits) {

    public enum Parity { NONE, EVEN, ODD }

    public enum StopBits { ONE, TWO }

    /** The meter side of the MEP port: 9600 8N1. */
    public static final LineSettings MEP = new LineSettings(9600, 8, Parity.NONE, StopBits.ONE);

    /** The ESP32 console on J5 (UART0): 115200 8N1. */
    public static final LineSettings CONSOLE = new LineSettings(115200, 8, Parity.NONE, StopBits.ONE);

    public LineSettings {
        if (baud <= 0) throw new IllegalArgumentException("baud must be positive: " + baud);
        if (dataBits < 5 || dataBits > 8) throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
    }

    public LineSettings withBaud(int newBaud) {
        return new LineSettings(newBaud, dataBits, parity, stopBits);
    }

    /** Bits one character occupies on the wire: start bit, data, parity, stop bits. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + (stopBits == StopBits.ONE ? 1 : 2);
    }

    /** Time {@code bytes} characters take on the wire at this baud, back to back. */
    public Duration wireTime(int bytes) {
        return Duration.ofNanos((long) bytes * bitsPerCharacter() * 1_000_000_000L / baud);
    }
}
