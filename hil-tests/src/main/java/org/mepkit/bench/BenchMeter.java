package org.mepkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;

/**
 * The meter the bench plays on the RS232 side: answers MEP requests from a table store,
 * checks every request's digest against the key the board was provisioned with, enforces
 * "previous + 1" sequence numbers (answering 0x0C with the expected number otherwise,
 * mep-protocol.md §4.7) and records every request for the suite's assertions.
 * Pure: {@link #answer(byte[], long)} maps one request packet to the reply bytes (or none).
 * Framing, digest and reply encoding are host's MEP codec ({@code org.mepkit.mep.frame}). It is not host's
 * {@code VirtualMeter}: that one is a threaded server owning a serial line and a load model; this one is the
 * bench's pure answer function fed by the bench's own MEP reader, recording every request with its board time
 * and serving fixed {@link MeterValues} (partial reads past a table's end are zero-filled, as the suite expects).
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

    private final MbkKey key;
    private final Map<Integer, byte[]> tables = new HashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean silent;
    private long expectedSequence;
    private final long firstExpectedSequence;

    public BenchMeter(String mepKey, MeterValues values, long firstExpectedSequence) {
        this.key = MbkKey.of(mepKey);
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
        Request request;
        try {
            request = Request.decode(packet);
        } catch (MepProtocolException | IllegalArgumentException e) {
            return null;
        }
        byte[] body = request.body();
        long seq = request.sequence();
        boolean ok = Request.digestMatches(packet, key);
        if (silent) {
            seen.add(new Seen(atMillis, body, seq, ok, -1, packet.clone()));
            return null;
        }
        byte[] reply;
        if (!ok) {
            reply = Responses.failure(ResponseCode.AUTHENTICATION_FAILURE);
        } else if (seq != expectedSequence) {
            reply = Responses.sequenceResync(expectedSequence);
        } else {
            expectedSequence = (seq + 1) & 0xFFFFFFFFL;
            reply = serve(body);
        }
        seen.add(new Seen(atMillis, body, seq, ok, reply[2] & 0xFF, packet.clone()));
        return reply;
    }

    private byte[] serve(byte[] body) {
        Command command = Command.parse(body);
        if (command instanceof Command.FullWrite write && write.table().id() == BT07) return Responses.data(new byte[0]);
        int table = body.length >= 3 ? ((body[1] & 0xFF) << 8) | (body[2] & 0xFF) : -1;
        byte[] data = tables.get(table);
        if (data == null) return Responses.failure(ResponseCode.UNSUPPORTED_REQUEST);
        if (command instanceof Command.FullRead) return Responses.data(data);
        if (command instanceof Command.PartialRead read) {
            byte[] slice = new byte[read.count()];
            for (int i = 0; i < read.count() && read.offset() + i < data.length; i++) slice[i] = data[read.offset() + i];
            return Responses.data(slice);
        }
        return Responses.failure(ResponseCode.UNRECOGNIZED_REQUEST);
    }
}
