package org.mepkit.sim.optical;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.frame.Packet;
import org.mepkit.optical.frame.PacketScanner;
import org.mepkit.optical.frame.PacketScanner.Event;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.MalformedRequestException;
import org.mepkit.optical.service.ResponseCode;
import org.mepkit.optical.service.ServiceRequest;
import org.mepkit.optical.service.ServiceResponse;

/**
 * The meter end of a C12.18 link, without a line or a thread: bytes and the time go in
 * ({@link #receive}, {@link #poll}), bytes to send come out ({@link #takeDue}), and
 * {@link #nextDeadline()} says when it next wants to act. {@link VirtualOpticalMeter} drives one on a
 * serial line; {@link SimulatedOpticalLine} drives one in a test's virtual time.
 *
 * <p>Link: a good request packet is ACKed and answered (ACK and first response packet together, after
 * the configured turnaround); a bad one is NAKed; a duplicate (same toggle bit and CRC as the last
 * request) is ACKed and dropped, and the response still owed is sent again. Each response packet waits
 * for its ACK: a NAK or the ACK timeout sends it again, up to the profile's tries. The ACK-loss rule of
 * the reference (A.5): a request packet that arrives while an ACK is awaited means the client got the
 * response and its ACK was lost, so it is a new request, never a reason to send the old response again.
 *
 * <p>Session: base → identified (ident) → session (logon); security (the {@link OpticalKey}) opens the
 * tables that need it; logoff back to identified; terminate, or the channel traffic timeout without
 * traffic, back to base. Responses: sns for unknown services and tables and for writes (this meter is
 * read-only), isc for a table that needs security before it was accepted, err for a wrong key, onp for
 * a partial read past the end or a response too long for the negotiated packets, isss for a service in
 * the wrong state, iar for a request of the wrong length. Negotiation answers with what the meter can do
 * ({@link Config}) and takes effect after its response.
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class OpticalMeterMachine {

    /**
     * What this meter can do.
     *
     * @param maxPacketSize the largest packet it agrees to (64: the C12.18 default, and what the NES
     *                      meter of the reference ran with)
     * @param maxPackets    the most packets per response it agrees to
     * @param turnaround    time between the end of a request and the ACK plus first response packet
     * @param link          ACK timeout, inter-character timeout, channel traffic timeout, tries
     */
    public record Config(int maxPacketSize, int maxPackets, Duration turnaround, LinkProfile link) {
        public static final Config DEFAULT = new Config(64, 8, Duration.ZERO, LinkProfile.C1218);

        public Config {
            if (maxPacketSize <= Packet.OVERHEAD + 4 || maxPacketSize > 0xFFFF) {
                throw new IllegalArgumentException("packet size must be " + (Packet.OVERHEAD + 5) + "..65535, not " + maxPacketSize);
            }
            if (maxPackets < 1 || maxPackets > 255) throw new IllegalArgumentException("packets must be 1..255, not " + maxPackets);
            if (turnaround.isNegative()) throw new IllegalArgumentException("negative turnaround");
            Objects.requireNonNull(link, "link");
        }

        public Config withMaxPacketSize(int size) {
            return new Config(size, maxPackets, turnaround, link);
        }

        public Config withTurnaround(Duration d) {
            return new Config(maxPacketSize, maxPackets, d, link);
        }

        public Config withLink(LinkProfile profile) {
            return new Config(maxPacketSize, maxPackets, turnaround, profile);
        }
    }

    /** The C12.18 session state. */
    public enum State { BASE, IDENTIFIED, SESSION }

    /** Ident response: reference standard 0 (C12.18), version 2, revision 0, as the reference's responder. */
    static final int STANDARD = 0;
    static final int VERSION = 2;
    static final int REVISION = 0;

    private final OpticalTables tables;
    private final OpticalKey key;
    private final Config config;
    private final LinkProfile link;
    private final LinkStats stats = new LinkStats();
    private final PacketScanner scanner = new PacketScanner();
    private final List<Scheduled> outbox = new ArrayList<>();
    private final List<ActiveFault> faults = new ArrayList<>();

    private State state = State.BASE;
    private boolean authorized;
    private int packetSize = OpticalLink.DEFAULT_PACKET_SIZE;
    private int packets = OpticalLink.DEFAULT_PACKETS;
    private long lastTrafficAt;
    private long trafficAllowance;
    private int lastRequestCrc = -1;
    private boolean lastRequestToggle;
    private boolean outToggle;

    /** The response being delivered: its packets, the one awaiting its ACK, and how often it went out. */
    private List<Packet> response;
    private int responseIndex;
    private int attempts;
    private long ackDeadline;
    private boolean awaitingAck;
    private boolean withheld;
    private boolean truncate;
    private Runnable afterDelivery;
    private Scheduled currentEntry;

    private long requests;
    private long securityFailures;
    private final List<String> served = new ArrayList<>();

    private record Scheduled(long atNanos, byte[] bytes) { }

    private static final class ActiveFault {
        final OpticalFault fault;
        int left;

        ActiveFault(OpticalFault fault) {
            this.fault = fault;
            this.left = fault.count();
        }
    }

    public OpticalMeterMachine(OpticalTables tables, OpticalKey key, Config config) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.key = Objects.requireNonNull(key, "key");
        this.config = Objects.requireNonNull(config, "config");
        this.link = config.link();
    }

    public OpticalTables tables() {
        return tables;
    }

    public Config config() {
        return config;
    }

    public LinkStats stats() {
        return stats;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized boolean authorized() {
        return authorized;
    }

    /** Request packets acted on (duplicates and dropped ones not counted). */
    public synchronized long requests() {
        return requests;
    }

    public synchronized long securityFailures() {
        return securityFailures;
    }

    /** What each request was and what it got, e.g. "full read BT23 -> ok", oldest first. */
    public synchronized List<String> log() {
        return List.copyOf(served);
    }

    /** Applies {@code fault} from now on, for its count (faults of different kinds apply together). */
    public synchronized void inject(OpticalFault fault) {
        faults.add(new ActiveFault(Objects.requireNonNull(fault, "fault")));
    }

    /** Feeds bytes heard at {@code nowNanos}. */
    public synchronized void receive(byte[] data, int off, int len, long nowNanos) {
        Objects.checkFromIndexSize(off, len, data.length);
        for (int i = off; i < off + len; i++) {
            Event event = scanner.feed(data[i], nowNanos);
            if (event != null) handle(event, nowNanos);
        }
        if (len > 0) lastTrafficAt = nowNanos;
    }

    /** Lets time pass: abandons a stalled request packet, resends an unacknowledged one, drops an idle session. */
    public synchronized void poll(long nowNanos) {
        if (scanner.expire(nowNanos, link.interCharacterTimeout()) != null) stats.onBadPacket();
        if (awaitingAck && nowNanos - ackDeadline >= 0) {
            stats.onAckTimeout();
            resend(nowNanos);
        }
        if (state != State.BASE && !awaitingAck && nowNanos - lastTrafficAt > link.channelTrafficTimeout().toNanos() + trafficAllowance) {
            served.add("channel traffic timeout -> base state");
            toBase(true);
        }
    }

    /** The bytes due at {@code nowNanos} (empty when none). */
    public synchronized byte[] takeDue(long nowNanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        outbox.removeIf(s -> {
            if (s.atNanos - nowNanos > 0) return false;
            out.writeBytes(s.bytes);
            return true;
        });
        return out.toByteArray();
    }

    /** When this meter next has something to do, or {@link Long#MAX_VALUE} when it only waits for bytes. */
    public synchronized long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Scheduled s : outbox) next = Math.min(next, s.atNanos);
        if (awaitingAck) next = Math.min(next, ackDeadline);
        if (scanner.inPacket()) next = Math.min(next, scanner.lastByteAt() + link.interCharacterTimeout().toNanos() + 1);
        if (state != State.BASE && !awaitingAck) {
            next = Math.min(next, lastTrafficAt + link.channelTrafficTimeout().toNanos() + trafficAllowance + 1);
        }
        return next;
    }

    private void handle(Event event, long now) {
        if (event instanceof Event.Ack) {
            if (!awaitingAck) {
                stats.onNoise();
                return;
            }
            awaitingAck = false;
            responseIndex++;
            if (responseIndex < response.size() && !truncate) {
                sendCurrent(now, Duration.ZERO, null, false);
            } else {
                finishDelivery();
            }
        } else if (event instanceof Event.Nak) {
            if (!awaitingAck) {
                stats.onNoise();
                return;
            }
            stats.onNakReceived();
            resend(now);
        } else if (event instanceof Event.Noise) {
            stats.onNoise();
        } else if (event instanceof Event.Corrupt) {
            stats.onBadPacket();
            stats.onNakSent();
            schedule(now, new byte[] {Packet.NAK});
        } else if (event instanceof Event.Abandoned) {
            stats.onBadPacket();
        } else if (event instanceof Event.Received r) {
            onRequest(r.packet(), r.crc(), now);
        }
    }

    private void onRequest(Packet packet, int crc, long now) {
        if (use(OpticalFault.DropRequest.class) != null) {
            served.add("dropped a request packet (fault)");
            return;
        }
        if (use(OpticalFault.NakRequest.class) != null) {
            stats.onNakSent();
            schedule(now, new byte[] {Packet.NAK});
            return;
        }
        stats.onReceived();
        if (crc == lastRequestCrc && packet.toggle() == lastRequestToggle) {
            stats.onDuplicate();
            if (response != null && (awaitingAck || withheld)) {
                // the client never saw the response to this request: ACK the copy and send the response again
                withheld = false;
                awaitingAck = false;
                attempts = 0;
                sendCurrent(now, Duration.ZERO, new byte[] {Packet.ACK}, true);
            } else {
                schedule(now, new byte[] {Packet.ACK});
            }
            return;
        }
        if (awaitingAck || withheld) finishDelivery();   // ACK-loss rule: the client has moved on
        lastRequestCrc = crc;
        lastRequestToggle = packet.toggle();
        requests++;
        ServiceRequest request;
        byte[] answer;
        try {
            request = ServiceRequest.parse(packet.data());
            answer = packet.multiPacket() ? ServiceResponse.failure(ResponseCode.IAR) : serve(request);
        } catch (MalformedRequestException e) {
            request = null;
            answer = ServiceResponse.failure(ResponseCode.IAR);
        }
        served.add((request == null ? "malformed request" : request.describe()) + " -> " + ResponseCode.describe(answer[0] & 0xFF));
        int sizeNow = packetSize;
        List<Packet> out = packetize(answer, sizeNow);
        if (out == null) out = packetize(ServiceResponse.failure(ResponseCode.ONP), sizeNow);
        response = out;
        responseIndex = 0;
        attempts = 0;
        truncate = out.size() > 1 && use(OpticalFault.Truncate.class) != null;
        if (use(OpticalFault.WithholdAck.class) != null) {
            withheld = true;
            return;
        }
        OpticalFault.Slow slow = (OpticalFault.Slow) use(OpticalFault.Slow.class);
        sendCurrent(now, config.turnaround().plus(slow == null ? Duration.ZERO : slow.delay()), new byte[] {Packet.ACK}, false);
    }

    /** The response in packets of at most {@code size} bytes, or null when it needs more than negotiated. */
    private List<Packet> packetize(byte[] answer, int size) {
        int max = size - Packet.OVERHEAD;
        if (use(OpticalFault.Oversize.class) != null) max = Math.max(max, answer.length);
        int n = Math.max(1, (answer.length + max - 1) / max);
        if (n > packets) return null;
        List<Packet> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] part = Arrays.copyOfRange(answer, i * max, Math.min(answer.length, (i + 1) * max));
            int control = (n > 1 ? Packet.MULTI_PACKET | (i == 0 ? Packet.FIRST_PACKET : 0) : 0) | (outToggle ? Packet.TOGGLE : 0);
            outToggle = !outToggle;
            list.add(new Packet(0, control, n - 1 - i, part));
        }
        return list;
    }

    /**
     * Schedules the current response packet (after {@code prefix}, e.g. the ACK of its request);
     * {@code again}: a resend, which replaces a copy of the same packet still waiting to go out.
     */
    private void sendCurrent(long now, Duration delay, byte[] prefix, boolean again) {
        byte[] bytes = response.get(responseIndex).encode();
        if (use(OpticalFault.BadCrc.class) != null) {
            bytes = bytes.clone();
            bytes[bytes.length - 1] ^= 0x5A;
        }
        byte[] all = prefix == null ? bytes : concat(prefix, bytes);
        long at = now + delay.toNanos();
        Scheduled unsent = currentEntry;
        if (again) outbox.removeIf(s -> s == unsent);
        currentEntry = new Scheduled(at, all);
        outbox.add(currentEntry);
        attempts++;
        stats.onSent(attempts > 1);
        awaitingAck = true;
        ackDeadline = at + link.ackTimeout().toNanos();
    }

    private void resend(long now) {
        if (attempts >= link.tries()) {
            served.add("gave up sending a response packet after " + attempts + " tries");
            finishDelivery();
            return;
        }
        sendCurrent(now, Duration.ZERO, null, true);
    }

    private void finishDelivery() {
        awaitingAck = false;
        withheld = false;
        response = null;
        Runnable after = afterDelivery;
        afterDelivery = null;
        if (after != null) after.run();
    }

    private void schedule(long at, byte[] bytes) {
        outbox.add(new Scheduled(at, bytes));
    }

    private byte[] serve(ServiceRequest request) {
        if (request instanceof ServiceRequest.Ident) {
            afterDelivery = null;
            toBase(false);
            state = State.IDENTIFIED;
            return ServiceResponse.ident(STANDARD, VERSION, REVISION);
        }
        if (request instanceof ServiceRequest.Terminate) {
            afterDelivery = null;
            toBase(true);
            return ServiceResponse.ok();
        }
        if (request instanceof ServiceRequest.Negotiate n) {
            if (state != State.IDENTIFIED) return failure(ResponseCode.ISSS);
            int size = Math.min(n.packetSize(), config.maxPacketSize());
            int count = Math.min(n.packets(), config.maxPackets());
            Integer baud = n.baudCodes().isEmpty() ? null : ServiceRequest.Negotiate.baudCode(9600);
            byte[] answer = ServiceResponse.negotiated(size, count, baud);
            // the new sizes apply once this response, which still goes out in the old ones, is delivered
            afterDelivery = () -> {
                packetSize = size;
                packets = count;
            };
            return answer;
        }
        if (request instanceof ServiceRequest.Logon) {
            if (state != State.IDENTIFIED) return failure(ResponseCode.ISSS);
            applyPending();
            state = State.SESSION;
            return ServiceResponse.ok();
        }
        if (request instanceof ServiceRequest.Security s) {
            if (state != State.SESSION) return failure(ResponseCode.ISSS);
            if (key.matches(s.password())) {
                authorized = true;
                return ServiceResponse.ok();
            }
            securityFailures++;
            authorized = false;
            return failure(ResponseCode.ERR);
        }
        if (request instanceof ServiceRequest.Logoff) {
            if (state != State.SESSION) return failure(ResponseCode.ISSS);
            state = State.IDENTIFIED;
            authorized = false;
            return ServiceResponse.ok();
        }
        if (request instanceof ServiceRequest.Wait w) {
            if (state == State.BASE) return failure(ResponseCode.ISSS);
            trafficAllowance = Duration.ofSeconds(w.seconds()).toNanos();
            return ServiceResponse.ok();
        }
        if (request instanceof ServiceRequest.FullRead r) return read(r.table(), 0, -1);
        if (request instanceof ServiceRequest.PartialRead r) return read(r.table(), r.offset(), r.count());
        if (request instanceof ServiceRequest.FullWrite) {
            return state == State.SESSION ? failure(ResponseCode.SNS) : failure(ResponseCode.ISSS);
        }
        return failure(ResponseCode.SNS);
    }

    private byte[] read(TableId id, int offset, int count) {
        if (state != State.SESSION) return failure(ResponseCode.ISSS);
        applyPending();
        byte[] data = tables.table(id);
        if (data == null) return failure(ResponseCode.SNS);
        if (tables.needsSecurity(id) && !authorized) return failure(ResponseCode.ISC);
        if (count >= 0) {
            if (offset + count > data.length) return failure(ResponseCode.ONP);
            data = Arrays.copyOfRange(data, offset, offset + count);
        }
        return ServiceResponse.tableData(data);
    }

    /** A negotiation whose response ACK was lost still counts once the next request arrives. */
    private void applyPending() {
        Runnable after = afterDelivery;
        afterDelivery = null;
        if (after != null) after.run();
    }

    /**
     * Back to the base state with the default packet size. {@code forgetLastRequest}: after a terminate
     * or a dropped session the next client's first packet (ident, toggle 0) may repeat an earlier one
     * byte for byte and must not be taken for a duplicate; an ident keeps it, so its own resend is one.
     */
    private void toBase(boolean forgetLastRequest) {
        state = State.BASE;
        authorized = false;
        packetSize = OpticalLink.DEFAULT_PACKET_SIZE;
        packets = OpticalLink.DEFAULT_PACKETS;
        trafficAllowance = 0;
        if (forgetLastRequest) lastRequestCrc = -1;
    }

    private static byte[] failure(ResponseCode code) {
        return ServiceResponse.failure(code);
    }

    private OpticalFault use(Class<? extends OpticalFault> kind) {
        for (ActiveFault f : faults) {
            if (kind.isInstance(f.fault) && f.left > 0) {
                f.left--;
                if (f.left == 0) faults.remove(f);
                return f.fault;
            }
        }
        return null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
