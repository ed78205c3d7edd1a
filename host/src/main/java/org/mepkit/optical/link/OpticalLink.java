package org.mepkit.optical.link;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import org.mepkit.optical.frame.Packet;
import org.mepkit.optical.frame.PacketScanner;
import org.mepkit.optical.frame.PacketScanner.Event;
import org.mepkit.optical.service.ServiceRequest;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * The client end of a C12.18 link over a {@link SerialLine}: one request out, one response back.
 *
 * <p>Sending: the request goes out as one packet whose toggle bit flips with every new request;
 * it is sent again (the same bytes) on a NAK or when no ACK comes within the ACK timeout, up to the
 * profile's tries. A packet that starts arriving instead of the ACK is taken as the response: the
 * ACK was lost on the way (the same rule the virtual meter follows, reference A.5).
 *
 * <p>Receiving: every good packet is ACKed, a packet with a bad CRC or longer than the negotiated
 * packet size is NAKed (the meter sends it again), a duplicate (same toggle bit and CRC as the last
 * packet accepted, because our ACK was lost) is ACKed and dropped, and a multi-packet response is
 * put together until its sequence number reaches 0. A silence longer than the channel traffic
 * timeout ends the wait; one longer than the inter-character timeout inside a packet abandons that
 * packet. Every timeout runs on the {@link Ticker}: the time a read waited in vain is charged to it,
 * so a manual ticker runs the same rules in virtual time.
 *
 * <p>Not thread-safe: one thread drives a link.
 */
public final class OpticalLink {

    /** Packet size and count in force before a negotiation (ANSI C12.18 defaults). */
    public static final int DEFAULT_PACKET_SIZE = 64;
    public static final int DEFAULT_PACKETS = 1;

    private final SerialLine line;
    private final Ticker ticker;
    private final LinkProfile profile;
    private final LinkStats stats;
    private final PacketScanner scanner = new PacketScanner();
    private final byte[] buffer = new byte[512];
    private final Deque<Event> pushedBack = new ArrayDeque<>();
    private int bufferPos;
    private int bufferLen;
    private boolean toggle;
    private int packetSize = DEFAULT_PACKET_SIZE;
    private int maxPackets = DEFAULT_PACKETS;
    private int lastAcceptedCrc = -1;
    private boolean lastAcceptedToggle;

    public OpticalLink(SerialLine line, Ticker ticker, LinkProfile profile, LinkStats stats) {
        this.line = Objects.requireNonNull(line, "line");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public SerialLine line() {
        return line;
    }

    public Ticker ticker() {
        return ticker;
    }

    public LinkProfile profile() {
        return profile;
    }

    public LinkStats stats() {
        return stats;
    }

    public int packetSize() {
        return packetSize;
    }

    public int maxPackets() {
        return maxPackets;
    }

    /**
     * Starts a new session from the base state: toggle bit 0 for the first packet, the default packet
     * size, no packet remembered for duplicate detection, and nothing stale on the line.
     */
    public void startSession() throws SerialException {
        toggle = false;
        packetSize = DEFAULT_PACKET_SIZE;
        maxPackets = DEFAULT_PACKETS;
        lastAcceptedCrc = -1;
        pushedBack.clear();
        scanner.reset();
        bufferPos = bufferLen = 0;
        line.discardInput();
    }

    /** Adopts what the meter answered to a negotiate request. */
    public void negotiated(int newPacketSize, int newMaxPackets) {
        if (newPacketSize <= Packet.OVERHEAD || newMaxPackets < 1) {
            throw new IllegalArgumentException("packet size " + newPacketSize + ", packets " + newMaxPackets);
        }
        packetSize = newPacketSize;
        maxPackets = newMaxPackets;
    }

    /** The most response data the negotiated packets can carry. */
    public int maxResponseBytes() {
        return maxPackets * (packetSize - Packet.OVERHEAD);
    }

    /** Sends {@code request} and returns the meter's response data. */
    public byte[] exchange(ServiceRequest request) throws SerialException, LinkException {
        send(request);
        return receive(request.describe());
    }

    /** Sends one request packet until it is acknowledged. */
    public void send(ServiceRequest request) throws SerialException, LinkException {
        byte[] data = request.encode();
        if (data.length > packetSize - Packet.OVERHEAD) {
            throw new IllegalArgumentException(request.describe() + " needs " + (data.length + Packet.OVERHEAD)
                    + " bytes, more than the packet size " + packetSize);
        }
        byte[] packet = Packet.single(data, toggle).encode();
        toggle = !toggle;
        int naks = 0;
        for (int attempt = 1; attempt <= profile.tries(); attempt++) {
            line.write(packet);
            stats.onSent(attempt > 1);
            switch (awaitAck()) {
                case ACK:
                    return;
                case NAK:
                    naks++;
                    stats.onNakReceived();
                    break;
                case TIMEOUT:
                    stats.onAckTimeout();
                    break;
            }
        }
        String what = request.describe();
        if (naks == profile.tries()) {
            throw new LinkException(LinkException.Kind.NAKED, "the meter NAKed every try of " + what
                    + " (" + profile.tries() + " tries): it hears the probe but not our packets");
        }
        throw new LinkException(LinkException.Kind.NO_ACK, "no answer from the meter to " + what + " ("
                + profile.tries() + " tries, " + LinkProfile.text(profile.ackTimeout()) + " ACK timeout each"
                + (naks > 0 ? ", " + naks + " NAKed" : "") + "): is the probe on the optical eye?");
    }

    private enum AckOutcome { ACK, NAK, TIMEOUT }

    /** Waits for the ACK of the packet just sent; a new packet instead means the ACK was lost. */
    private AckOutcome awaitAck() throws SerialException {
        Deadline deadline = ticker.deadlineAfter(profile.ackTimeout());
        while (true) {
            Event event = nextEvent(deadline);
            if (event == null) return AckOutcome.TIMEOUT;
            if (event instanceof Event.Ack) return AckOutcome.ACK;
            if (event instanceof Event.Nak) return AckOutcome.NAK;
            if (event instanceof Event.Noise) {
                stats.onNoise();
                continue;
            }
            if (event instanceof Event.Received r && isDuplicate(r)) {
                acknowledgeDuplicate();
                continue;
            }
            pushedBack.addLast(event);   // the response (or its start) overtook the ACK
            return AckOutcome.ACK;
        }
    }

    /** Receives one whole response message (all its packets) and returns its data. */
    public byte[] receive(String what) throws SerialException, LinkException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int packets = 0;
        int total = 0;
        int remaining = -1;
        int badInARow = 0;
        boolean oversize = false;
        Deadline deadline = ticker.deadlineAfter(profile.channelTrafficTimeout());
        while (true) {
            Event event = pushedBack.isEmpty() ? nextEvent(deadline) : pushedBack.removeFirst();
            if (event == null) {
                if (packets == 0) {
                    throw new LinkException(LinkException.Kind.NO_RESPONSE, "the meter acknowledged " + what
                            + " but sent no response within " + LinkProfile.text(profile.channelTrafficTimeout()));
                }
                throw new LinkException(LinkException.Kind.TRUNCATED, "the meter stopped after packet " + packets + " of "
                        + total + " of its response to " + what + " (nothing for " + LinkProfile.text(profile.channelTrafficTimeout()) + ")");
            }
            deadline = ticker.deadlineAfter(profile.channelTrafficTimeout());
            if (event instanceof Event.Ack || event instanceof Event.Nak || event instanceof Event.Noise) {
                stats.onNoise();
                continue;
            }
            if (event instanceof Event.Abandoned) {
                stats.onBadPacket();   // the meter sends it again when our ACK does not come
                continue;
            }
            if (event instanceof Event.Corrupt || (event instanceof Event.Received r0 && r0.packet().length() > packetSize - Packet.OVERHEAD)) {
                oversize = event instanceof Event.Received;
                stats.onBadPacket();
                nak();
                if (++badInARow >= profile.tries()) {
                    if (oversize) {
                        int len = ((Event.Received) event).packet().length() + Packet.OVERHEAD;
                        throw new LinkException(LinkException.Kind.OVERSIZE, "the meter's response to " + what + " came in "
                                + len + "-byte packets, longer than the negotiated " + packetSize + " (" + badInARow + " times)");
                    }
                    throw new LinkException(LinkException.Kind.BAD_PACKETS, badInARow + " packets in a row with a bad CRC in the response to "
                            + what + ": a noisy optical link?");
                }
                continue;
            }
            Event.Received received = (Event.Received) event;
            if (isDuplicate(received)) {
                acknowledgeDuplicate();
                continue;
            }
            Packet p = received.packet();
            ack();
            stats.onReceived();
            lastAcceptedCrc = received.crc();
            lastAcceptedToggle = p.toggle();
            badInARow = 0;
            if (packets == 0) {
                total = p.sequence() + 1;
                if (total > maxPackets) {
                    throw new LinkException(LinkException.Kind.BAD_SEQUENCE, "the meter's response to " + what + " has " + total
                            + " packets, " + maxPackets + " negotiated");
                }
            } else if (p.sequence() != remaining - 1) {
                throw new LinkException(LinkException.Kind.BAD_SEQUENCE, "packet out of sequence in the response to " + what
                        + ": " + p.sequence() + " to follow, " + (remaining - 1) + " expected");
            }
            message.writeBytes(p.data());
            packets++;
            remaining = p.sequence();
            if (remaining == 0) return message.toByteArray();
        }
    }

    private boolean isDuplicate(Event.Received r) {
        return lastAcceptedCrc >= 0 && r.crc() == lastAcceptedCrc && r.packet().toggle() == lastAcceptedToggle;
    }

    private void acknowledgeDuplicate() throws SerialException {
        stats.onDuplicate();
        ack();
    }

    private void ack() throws SerialException {
        line.write(new byte[] {Packet.ACK});
    }

    private void nak() throws SerialException {
        stats.onNakSent();
        line.write(new byte[] {Packet.NAK});
    }

    /**
     * The next scanner event, or null when {@code deadline} passed with no packet in progress. A packet
     * in progress keeps the wait going until its bytes stop for the inter-character timeout.
     */
    private Event nextEvent(Deadline deadline) throws SerialException {
        Duration interChar = profile.interCharacterTimeout();
        while (true) {
            while (bufferPos < bufferLen) {
                Event e = scanner.feed(buffer[bufferPos++], ticker.nanoTime());
                if (e != null) return e;
            }
            long now = ticker.nanoTime();
            Event abandoned = scanner.expire(now, interChar);
            if (abandoned != null) return abandoned;
            long until = deadline.atNanos();
            if (scanner.inPacket()) {
                until = scanner.lastByteAt() + interChar.toNanos() + 1;
            } else if (now - until >= 0) {
                return null;
            }
            long wait = Math.max(0, until - now);
            int n = line.read(buffer, 0, buffer.length, Duration.ofNanos(wait));
            if (n == 0) {
                chargeWait(now + wait);
            } else {
                bufferPos = 0;
                bufferLen = n;
            }
        }
    }

    /**
     * A read that returned nothing waited its whole timeout: a no-op on the system clock, and what moves
     * a manual clock forward.
     */
    private void chargeWait(long untilNanos) throws SerialException {
        try {
            ticker.waitUntil(untilNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(line.name() + ": interrupted while waiting for the meter", e);
        }
    }
}
