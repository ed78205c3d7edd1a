package org.mepkit.optical.frame;

/**
 * The ANSI C12.18 packet CRC: CRC-16/X-25 (also called IBM-SDLC or HDLC): polynomial 0x1021
 * reflected (0x8408), initial value 0xFFFF, input and output reflected, final XOR 0xFFFF. The check
 * value of "123456789" is 0x906E. On the wire the CRC follows the data low byte first.
 */
public final class Crc16X25 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? (c >>> 1) ^ 0x8408 : c >>> 1;
            TABLE[i] = c;
        }
    }

    private Crc16X25() {
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The CRC of {@code len} bytes from {@code off}, 0..0xFFFF. */
    public static int of(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        return crc ^ 0xFFFF;
    }
}
