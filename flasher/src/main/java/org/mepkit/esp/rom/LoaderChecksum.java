package org.mepkit.esp.rom;

/** The loader's data checksum: 0xEF XOR every byte of the payload to write (not the sub-header). */
public final class LoaderChecksum {

    public static final int SEED = 0xEF;

    private LoaderChecksum() {
    }

    public static int of(byte[] data, int offset, int length) {
        int c = SEED;
        for (int i = offset; i < offset + length; i++) c ^= data[i] & 0xFF;
        return c;
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }
}
