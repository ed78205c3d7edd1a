package org.mepkit.sim.meter;

import java.util.Objects;

import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;

/**
 * What a meter answers, without a line or a thread: given one request packet it returns the reply
 * bytes, or nothing when the packet is no request. It checks the digest with its MBK key (0x0B when
 * wrong), enforces "previous + 1" sequence numbers (0x0C with the expected number otherwise,
 * mep-protocol.md §4.7), and serves reads and writes from its {@link Tables}. It also holds the alerts
 * due right before the next reply; whoever owns the line sends them ({@link #takeAlertsBeforeReply()}).
 * {@link VirtualMeter} runs one on its serving thread; the HIL bench's meter is a thin adapter over one.
 */
public final class MeterBrain {

    /** Where the tables come from: a live {@link MeterTables}, or fixed images. */
    public interface Tables {
        /** The table's data as a full read returns it, or null when the meter has no such table. */
        byte[] read(TableId id);

        /** The whole reply to a full write of {@code data} to {@code id} (a BT07 write is a procedure call). */
        byte[] write(TableId id, byte[] data);
    }

    /** Which sequence number the first request after start (or {@link #restart()}) must carry. */
    public enum FirstRequest {
        /** Always answer the first request with 0x0C, whatever its number (a real meter's habit). */
        RESYNC,
        /** Accept the initial sequence number straight away. */
        ACCEPT_INITIAL
    }

    /** What a partial read that runs past the table's end gets. */
    public enum PastEnd {
        /** 0x05, table operation not possible. */
        REFUSE,
        /** The bytes that exist, then zeros up to the count asked for. */
        ZERO_FILL
    }

    /**
     * How this meter differs from others in the corners.
     *
     * @param noSuchTable the refusal for a read of a table the meter does not have
     */
    public record Rules(FirstRequest firstRequest, PastEnd pastEnd, ResponseCode noSuchTable) {
        /** {@link VirtualMeter}'s: resync first, refuse reads past the end and of missing tables with 0x05. */
        public static final Rules STRICT = new Rules(FirstRequest.RESYNC, PastEnd.REFUSE, ResponseCode.TABLE_OPERATION_NOT_POSSIBLE);

        public Rules {
            Objects.requireNonNull(firstRequest, "firstRequest");
            Objects.requireNonNull(pastEnd, "pastEnd");
            Objects.requireNonNull(noSuchTable, "noSuchTable");
        }
    }

    /**
     * One request as the meter heard it and what it answered.
     *
     * @param reply the reply bytes, or null when nothing was answered
     */
    public record Exchange(Request request, boolean digestOk, byte[] reply) {
        /** The reply's code byte, or -1 when there was no reply. */
        public int replyCode() {
            return reply == null ? -1 : reply[2] & 0xFF;
        }
    }

    private static final long U32 = 0xFFFF_FFFFL;

    private final MbkKey key;
    private final Tables tables;
    private final long initialSequence;
    private final Rules rules;
    private volatile boolean trailer = true;
    private Long expected;
    private long digestFailures;
    private long resyncsSent;
    private int alertsBeforeReply;

    public MeterBrain(MbkKey key, Tables tables, long initialSequence, Rules rules) {
        this.key = Objects.requireNonNull(key, "key");
        this.tables = Objects.requireNonNull(tables, "tables");
        if (initialSequence < 0 || initialSequence > U32) throw new IllegalArgumentException("sequence is u32: " + initialSequence);
        this.initialSequence = initialSequence;
        this.rules = Objects.requireNonNull(rules, "rules");
        restart();
    }

    /**
     * Whether replies carry the 8 bytes real meters send after the data ({@link Responses#withTrailer}; their
     * content is unknown and nothing reads it). On by default, as on real meters; off gives the bare replies
     * for byte-exact tests.
     */
    public MeterBrain withReplyTrailer(boolean on) {
        trailer = on;
        return this;
    }

    /** Wants the first request's number again, as after the meter (or the board) restarted. */
    public synchronized void restart() {
        expected = rules.firstRequest() == FirstRequest.ACCEPT_INITIAL ? initialSequence : null;
    }

    /** The reply to one request packet, or null when the packet is not a request at all. */
    public byte[] answer(byte[] packet) {
        Exchange exchange = exchange(packet);
        return exchange == null ? null : exchange.reply();
    }

    /** Answers one request packet; null when the packet is not a request at all. */
    public synchronized Exchange exchange(byte[] packet) {
        Request request = decode(packet);
        if (request == null) return null;
        boolean ok = Request.digestMatches(packet, key);
        byte[] reply = reply(request, ok);
        return new Exchange(request, ok, trailer ? Responses.withTrailer(reply, key, request.sequence()) : reply);
    }

    /** Hears one request packet without answering it or changing any state; null when it is no request. */
    public Exchange listen(byte[] packet) {
        Request request = decode(packet);
        return request == null ? null : new Exchange(request, Request.digestMatches(packet, key), null);
    }

    /**
     * Moves the expected number away as if the meter had resynced on its own and returns the 0x0C
     * announcing it (1000 past the expected number, or the initial one before any request).
     */
    public synchronized byte[] jumpSequence() {
        expected = (expected == null ? initialSequence : expected + 1000) & U32;
        return Responses.sequenceResync(expected);
    }

    /** Queues an alert to go out immediately before the next reply. */
    public synchronized void alertBeforeNextReply() {
        alertsBeforeReply++;
    }

    /** How many alerts are due before the reply about to be sent; the count starts again at zero. */
    public synchronized int takeAlertsBeforeReply() {
        int n = alertsBeforeReply;
        alertsBeforeReply = 0;
        return n;
    }

    public synchronized long digestFailures() { return digestFailures; }
    public synchronized long resyncsSent() { return resyncsSent; }

    private static Request decode(byte[] packet) {
        try {
            return Request.decode(packet);
        } catch (MepProtocolException | IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] reply(Request request, boolean digestOk) {
        if (!digestOk) {
            digestFailures++;
            return Responses.failure(ResponseCode.AUTHENTICATION_FAILURE);
        }
        long seq = request.sequence();
        if (expected == null || seq != expected) {
            if (expected == null) expected = initialSequence;
            resyncsSent++;
            return Responses.sequenceResync(expected);
        }
        expected = (expected + 1) & U32;
        return serve(Command.parse(request.body()));
    }

    /**
     * The largest count a partial read can be answered with: the reply (code, count, data, trailer) must fit its
     * 16-bit length field. A larger count is refused like any impossible table operation, never an exception.
     */
    static final int MAX_READ_COUNT = 0xFFFF - 3 - Responses.TRAILER_LENGTH;

    private byte[] serve(Command command) {
        if (command instanceof Command.FullRead read) {
            byte[] data = tables.read(read.table());
            return data == null ? Responses.failure(rules.noSuchTable()) : Responses.data(data);
        }
        if (command instanceof Command.PartialRead read) {
            byte[] data = tables.read(read.table());
            if (data == null) return Responses.failure(rules.noSuchTable());
            int end = read.offset() + read.count();
            if (read.count() > MAX_READ_COUNT) return Responses.failure(ResponseCode.TABLE_OPERATION_NOT_POSSIBLE);
            if (end > data.length && rules.pastEnd() == PastEnd.REFUSE) {
                return Responses.failure(ResponseCode.TABLE_OPERATION_NOT_POSSIBLE);
            }
            byte[] slice = new byte[read.count()];
            if (read.offset() < data.length) {
                System.arraycopy(data, read.offset(), slice, 0, Math.min(data.length, end) - read.offset());
            }
            return Responses.data(slice);
        }
        if (command instanceof Command.FullWrite write) return tables.write(write.table(), write.data());
        return Responses.failure(ResponseCode.UNRECOGNIZED_REQUEST);
    }
}
