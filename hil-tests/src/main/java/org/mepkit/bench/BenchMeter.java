package org.mepkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.sim.meter.MeterBrain;

/**
 * The meter the bench plays on the RS232 side: host's {@link MeterBrain} (digest check, "previous + 1"
 * sequence numbers answered with 0x0C otherwise, mep-protocol.md §4.7, table serving) over the bench's
 * fixed {@link MeterValues}, plus what the suite needs on top: every request recorded with its board time,
 * a silent switch and a restart. Pure: {@link #answer(byte[], long)} maps one request packet to the reply
 * bytes (or none); the bench's own reader ({@link MeterSide}) feeds it. Bench rules, kept from before the
 * brain existed: the first request may already carry the expected number, partial reads past a table's
 * end are zero-filled, a missing table is 0x02 (unsupported request), and a BT07 write is answered with
 * an empty data reply (the procedure result in BT08 is fixed by {@link MeterValues}).
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

    /** The bench's corners: accept the first expected number, zero-fill past the end, 0x02 for no table. */
    static final MeterBrain.Rules RULES = new MeterBrain.Rules(MeterBrain.FirstRequest.ACCEPT_INITIAL,
            MeterBrain.PastEnd.ZERO_FILL, ResponseCode.UNSUPPORTED_REQUEST);

    private final Map<Integer, byte[]> tables = new HashMap<>();
    private final MeterBrain brain;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean silent;

    public BenchMeter(String mepKey, MeterValues values, long firstExpectedSequence) {
        values.fill(tables);
        this.brain = new MeterBrain(MbkKey.of(mepKey), new FixedTables(), firstExpectedSequence, RULES);
    }

    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Forgets every request seen and expects the first sequence number again (the board was restarted). */
    public synchronized void restart() {
        seen.clear();
        brain.restart();
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The reply to one request packet, or {@code null} when the meter stays silent. */
    public synchronized byte[] answer(byte[] packet, long atMillis) {
        MeterBrain.Exchange x = silent ? brain.listen(packet) : brain.exchange(packet);
        if (x == null) return null;
        seen.add(new Seen(atMillis, x.request().body(), x.request().sequence(), x.digestOk(), x.replyCode(), packet.clone()));
        return x.reply();
    }

    /** {@link MeterValues}' images; a BT07 write gets an empty data reply, any other write is refused. */
    private final class FixedTables implements MeterBrain.Tables {
        @Override
        public byte[] read(TableId id) {
            return tables.get(id.id());
        }

        @Override
        public byte[] write(TableId id, byte[] data) {
            if (id.id() == BT07) return Responses.data(new byte[0]);
            return Responses.failure(tables.containsKey(id.id()) ? ResponseCode.UNRECOGNIZED_REQUEST : ResponseCode.UNSUPPORTED_REQUEST);
        }
    }
}
