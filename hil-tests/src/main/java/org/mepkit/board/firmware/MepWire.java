package org.mepkit.board.firmware;

import java.nio.charset.StandardCharsets;

/**
 * The MEP request framing and digest exactly as the upstream firmware builds them
 * (mep-protocol.md §2.1, §5): {@code L(u16 BE) | body | seq(u32 BE) | digest(8)}.
 * The board twin builds its own packets with this so it stays byte-compatible with the
 * firmware it models, independent of the host-side codec it is tested against.
 */
public final class MepWire {

    private MepWire() {
    }

    /** The digest key bytes: ASCII of the first 16 characters. */
    public static byte[] digestKey(String mepKey) {
        String used = mepKey.length() > 16 ? mepKey.substring(0, 16) : mepKey;
        return used.getBytes(StandardCharsets.US_ASCII);
    }

    /** The 8-byte digest of {@code message} (= body followed by the 4 sequence bytes). */
    public static byte[] digest(byte[] key, byte[] message) {
        if (key.length == 0) throw new IllegalArgumentException("empty digest key");
        int keyLen = key.length;
        int rounds = keyLen == 6 ? 6 : keyLen + keyLen / 2;
        int[] d = new int[8];
        int p = 0;
        do {
            for (int r = 0; r < rounds; r++) {
                int k = key[r % keyLen] & 0xFF;
                int prev = d[0];
                for (int v = 7; v >= 0; v--) {
                    int bit = (k >> (7 - v)) & 1;
                    int m = p < message.length ? message[p++] & 0xFF : 0;
                    int n = ~((d[v] + v) & 0xFF) & 0xFF;
                    int t = bit == 1
                            ? ((n << 1) | (n >>> 7)) & 0xFF
                            : (256 - (((n >>> 1) | (n << 7)) & 0xFF)) & 0xFF;
                    d[v] = (prev + m + t) & 0xFF;
                    prev = d[v];
                }
            }
        } while (p < message.length);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) out[i] = (byte) d[i];
        return out;
    }

    /** A complete request packet as transmitted. */
    public static byte[] request(byte[] body, long sequence, byte[] key) {
        byte[] message = new byte[body.length + 4];
        System.arraycopy(body, 0, message, 0, body.length);
        putU32(message, body.length, sequence);
        byte[] digest = digest(key, message);
        int l = body.length + 12;
        byte[] packet = new byte[l + 2];
        packet[0] = (byte) (l >>> 8);
        packet[1] = (byte) l;
        System.arraycopy(message, 0, packet, 2, message.length);
        System.arraycopy(digest, 0, packet, 2 + message.length, 8);
        return packet;
    }

    /** The body of a request packet (without length, sequence and digest). */
    public static byte[] bodyOf(byte[] packet) {
        byte[] body = new byte[packet.length - 14];
        System.arraycopy(packet, 2, body, 0, body.length);
        return body;
    }

    public static long sequenceOf(byte[] packet) {
        return u32(packet, packet.length - 12);
    }

    /** True when the packet's digest is the one {@code key} gives for its body and sequence. */
    public static boolean digestMatches(byte[] packet, byte[] key) {
        if (packet.length < 14) return false;
        byte[] again = request(bodyOf(packet), sequenceOf(packet), key);
        return java.util.Arrays.equals(again, packet);
    }

    static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    static int s32le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 3] & 0xFF) << 24);
    }

    /** Firmware hex dump: {@code 0x} then uppercase pairs, no separators. */
    public static String dump(byte[] b, int len) {
        StringBuilder sb = new StringBuilder(2 + 2 * len).append("0x");
        for (int i = 0; i < len; i++) sb.append(String.format("%02X", b[i] & 0xFF));
        return sb.toString();
    }
}
