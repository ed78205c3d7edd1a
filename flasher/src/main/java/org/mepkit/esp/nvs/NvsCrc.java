package org.mepkit.esp.nvs;

/**
 * ESP-IDF's CRC-32: the reflected 0xEDB88320 polynomial with the register starting at 0 and a
 * final XOR of 0xFFFFFFFF ({@code esp_rom_crc32_le(0xFFFFFFFF, ...)}). Check value for
 * "123456789" is 0xD202D277, not the standard 0xCBF43926, so {@code java.util.zip.CRC32} does not fit.
 */
public final class NvsCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            TABLE[n] = c;
        }
    }

    private NvsCrc() {
    }

    public static int crc32(byte[] data, int offset, int length) {
        return update(0, data, offset, length) ^ 0xFFFFFFFF;
    }

    /** Continues a raw register (start with 0), without the final XOR: lets callers CRC two slices. */
    static int update(int register, byte[] data, int offset, int length) {
        int c = register;
        for (int i = offset; i < offset + length; i++) c = TABLE[(c ^ data[i]) & 0xFF] ^ (c >>> 8);
        return c;
    }

    /** The CRC of an entry: its bytes 0..3 and 8..31 (the CRC field itself is skipped). */
    static int entryCrc(byte[] page, int entryAt) {
        int c = update(0, page, entryAt, 4);
        return update(c, page, entryAt + 8, 24) ^ 0xFFFFFFFF;
    }
}
