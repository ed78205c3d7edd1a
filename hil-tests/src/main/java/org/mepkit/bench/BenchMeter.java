package org.mepkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mepkit.board.firmware.MepWire;

/**
 * The meter the bench plays on the RS232 side: answers MEP requests from a table store,
 * checks every request's digest against the key the board was provisioned with, enforces
 * "previous + 1" sequence numbers (answering 0x0C with the expected number otherwise,
 * mep-protocol.md §4.7) and records every request for the suite's assertions.
 * Pure: {@link #answer(byte[], long)} maps one request packet to the reply bytes (or none).
 */
public final class BenchMeter {

    /** One request as the meter saw it. */
    public record Seen(long atMillis, byte[] body, long sequence, boolean digestOk, int replyCode, byte[] packet) {
        public int command() {
            return body.length == 0 ? -1 : body[0] & 0xFF;
        }

        public int table() {
            return body.length < 3 ? -1 : ((body[1] & 0xFF) << 8) | (body[2] & 0xFF);
        }
    }

    public static final int BT01 = 0x0001, BT07 = 0x0007, BT08 = 0x0008, BT21 = 0x0015, BT23 = 0x0017,
            BT28 = 0x001C, BT52 = 0x0034, ET03 = 0x0803, ET11 = 0x080B, ET13 = 0x080D, ET50 = 0x0832,
            ET58 = 0x083A;

    private final byte[] key;
    private final Map<Integer, byte[]> tables = new HashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean silent;
    private long expectedSequence;
    private final long firstExpectedSequence;

    public BenchMeter(String mepKey, MeterValues values, long firstExpectedSequence) {
        this.key = MepWire.digestKey(mepKey);
        this.expectedSequence = firstExpectedSequence;
        this.firstExpectedSequence = firstExpectedSequence;
        values.fill(tables);
    }

    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Forgets every request seen and expects the first sequence number again (the board was restarted). */
    public synchronized void restart() {
        seen.clear();
        expectedSequence = firstExpectedSequence;
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The reply to one request packet, or {@code null} when the meter stays silent. */
    public synchronized byte[] answer(byte[] packet, long atMillis) {
        if (packet.length < 14) return null;
        byte[] body = MepWire.bodyOf(packet);
        long seq = MepWire.sequenceOf(packet);
        boolean ok = MepWire.digestMatches(packet, key);
        if (silent) {
            seen.add(new Seen(atMillis, body, seq, ok, -1, packet.clone()));
            return null;
        }
        byte[] reply;
        if (!ok) {
            reply = new byte[] {0x00, 0x01, 0x0B};
        } else if (seq != expectedSequence) {
            reply = new byte[] {0x00, 0x05, 0x0C, 0, 0, 0, 0};
            reply[3] = (byte) (expectedSequence >>> 24);
            reply[4] = (byte) (expectedSequence >>> 16);
            reply[5] = (byte) (expectedSequence >>> 8);
            reply[6] = (byte) expectedSequence;
        } else {
            expectedSequence = (seq + 1) & 0xFFFFFFFFL;
            reply = serve(body);
        }
        seen.add(new Seen(atMillis, body, seq, ok, reply[2] & 0xFF, packet.clone()));
        return reply;
    }

    private byte[] serve(byte[] body) {
        int cmd = body[0] & 0xFF;
        int table = body.length >= 3 ? ((body[1] & 0xFF) << 8) | (body[2] & 0xFF) : -1;
        if (cmd == 0x40 && table == BT07) return ok(new byte[0]);
        byte[] data = tables.get(table);
        if (data == null) return new byte[] {0x00, 0x01, 0x02};
        if (cmd == 0x30 && body.length >= 3) return ok(data);
        if (cmd == 0x3F && body.length >= 8) {
            int offset = ((body[3] & 0xFF) << 16) | ((body[4] & 0xFF) << 8) | (body[5] & 0xFF);
            int count = ((body[6] & 0xFF) << 8) | (body[7] & 0xFF);
            byte[] slice = new byte[count];
            for (int i = 0; i < count && offset + i < data.length; i++) slice[i] = data[offset + i];
            return ok(slice);
        }
        return new byte[] {0x00, 0x01, 0x01};
    }

    private static byte[] ok(byte[] data) {
        int l = 3 + data.length;
        byte[] r = new byte[l + 2];
        r[0] = (byte) (l >>> 8);
        r[1] = (byte) l;
        r[2] = 0x00;
        r[3] = (byte) (data.length >>> 8);
        r[4] = (byte) data.length;
        System.arraycopy(data, 0, r, 5, data.length);
        return r;
    }
}
