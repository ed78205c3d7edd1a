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
        return run(k, m, off, len, Integer.MAX_VALUE);
    }

    /** The state D after {@code positions} key positions (for the §5.4 trace); stops early if the message ends. */
    static byte[] afterPositions(byte[] k, byte[] m, int positions) {
        return run(k, m, 0, m.length, positions);
    }

    private static byte[] run(byte[] k, byte[] m, int off, int len, int stopAfter) {
        int keyLen = k.length;
        int positions = keyLen == 6 ? 6 : keyLen + keyLen / 2;
        int[] d = new int[LENGTH];
        int p = 0;
        int done = 0;
        do {
            for (int r = 0; r < positions && done < stopAfter; r++, done++) {
                int keyByte = k[r % keyLen] & 0xFF;
                int prev = d[0];
                for (int v = 7; v >= 0; v--) {
                    int bit = (keyByte >>> (7 - v)) & 1;
                    int mb = p < len ? m[off + p++] & 0xFF : 0;
                    d[v] = (prev + mb + t(n(d[v], v), bit)) & 0xFF;
                    prev = d[v];
                }
            }
        } while (p < len && done < stopAfter);
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) out[i] = (byte) d[i];
        return out;
    }

    /** Step value n = NOT((D[v] + v) mod 256). */
    static int n(int dv, int v) {
        return ~(dv + v) & 0xFF;
    }

    /** Step value t: n rotated left for a key bit 1, minus n rotated right for a key bit 0 (mod 256). */
    static int t(int n, int keyBit) {
        return keyBit == 1 ? rotl1(n) : (256 - rotr1(n)) & 0xFF;
    }

    private static int rotl1(int n) {
        return (n << 1 | n >>> 7) & 0xFF;
    }

    private static int rotr1(int n) {
        return (n >>> 1 | n << 7) & 0xFF;
    }
}
