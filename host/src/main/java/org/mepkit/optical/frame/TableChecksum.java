package org.mepkit.optical.frame;

/**
 * The C12.18 table data checksum that follows the data of a read response or a write request:
 * the two's complement of the byte sum, so that data plus checksum add up to 0 modulo 256.
 */
public final class TableChecksum {

    private TableChecksum() {
    }

    public static int of(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int sum = 0;
        for (int i = off; i < off + len; i++) sum += data[i] & 0xFF;
        return -sum & 0xFF;
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }
}
