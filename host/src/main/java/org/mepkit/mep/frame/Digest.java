package org.mepkit.mep.frame;

import org.mepkit.mep.key.MbkKey;

/**
 * The 8-byte MEP request digest keyed by the MBK key, exactly as mep-protocol.md §5.3 describes
 * it: passes of R key positions, 8 steps per position, each step folding one message byte (or a
 * zero pad) into one digest byte.
 */
public final class Digest {

    /** Digest size in bytes. */
    public static final int LENGTH = 8;

    private Digest() {
    }

    /**
     * @param message body followed by the 4-byte big-endian sequence number (the length field is not digested)
     * @return D[0..7], in wire order
     */
    public static byte[] compute(MbkKey key, byte[] message) {
        return compute(key.digestKey(), message, 0, message.length);
    }

    static byte[] compute(byte[] k, byte[] m, int off, int len) {
        int keyLen = k.length;
        int positions = keyLen == 6 ? 6 : keyLen + keyLen / 2;
        int[] d = new int[LENGTH];
        int p = 0;
        do {
            for (int r = 0; r < positions; r++) {
                int keyByte = k[r % keyLen] & 0xFF;
                int prev = d[0];
                for (int v = 7; v >= 0; v--) {
                    int bit = (keyByte >>> (7 - v)) & 1;
                    int mb = p < len ? m[off + p++] & 0xFF : 0;
                    int n = ~(d[v] + v) & 0xFF;
                    int t = bit == 1 ? rotl1(n) : (256 - rotr1(n)) & 0xFF;
                    d[v] = (prev + mb + t) & 0xFF;
                    prev = d[v];
                }
            }
        } while (p < len);
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) out[i] = (byte) d[i];
        return out;
    }

    private static int rotl1(int n) {
        return (n << 1 | n >>> 7) & 0xFF;
    }

    private static int rotr1(int n) {
        return (n >>> 1 | n << 7) & 0xFF;
    }
}
