package org.mepkit.mep.frame;

import java.util.Arrays;

import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

/**
 * A request packet (client to meter, mep-protocol.md §2.1):
 * {@code length u16 BE | body | sequence u32 BE | digest(8)}, where length = body + 12.
 *
 * @param body     command byte and operands (see {@link Command}); at most {@link #MAX_BODY_LENGTH} bytes
 * @param sequence transport sequence number, 0..2^32-1
 */
public record Request(byte[] body, long sequence) {

    /** The firmware's request buffer holds 512 bytes, so a body has at most 498. */
    public static final int MAX_PACKET_LENGTH = 512;
    public static final int MAX_BODY_LENGTH = MAX_PACKET_LENGTH - 14;
    /** Length field + sequence + digest. */
    public static final int OVERHEAD = 14;

    public Request {
        if (body == null) throw new IllegalArgumentException("request body is null");
        if (body.length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("request body has " + body.length + " bytes; at most "
                    + MAX_BODY_LENGTH + " fit the firmware's 512-byte buffer");
        }
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence number " + sequence + " is outside 0..4294967295");
        }
        body = body.clone();
    }

    public Request(Command command, long sequence) {
        this(command.body(), sequence);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public Command command() {
        return Command.parse(body);
    }

    /** The digested message: body followed by the sequence number (BE). */
    public byte[] digestedMessage() {
        byte[] m = Arrays.copyOf(body, body.length + 4);
        Wire.putU32be(m, body.length, sequence);
        return m;
    }

    /** The full packet as transmitted. */
    public byte[] encode(MbkKey key) {
        byte[] m = digestedMessage();
        byte[] d = Digest.compute(key, m);
        byte[] packet = new byte[body.length + OVERHEAD];
        Wire.putU16be(packet, 0, body.length + 12);
        System.arraycopy(m, 0, packet, 2, m.length);
        System.arraycopy(d, 0, packet, 2 + m.length, Digest.LENGTH);
        return packet;
    }

    /**
     * Reads a request packet without checking its digest.
     *
     * @throws MalformedFrameException when shorter than 14 bytes, longer than 512, or the length field disagrees
     */
    public static Request decode(byte[] packet) {
        checkLength(packet);
        int bodyLength = packet.length - OVERHEAD;
        byte[] body = Arrays.copyOfRange(packet, 2, 2 + bodyLength);
        return new Request(body, Wire.u32be(packet, 2 + bodyLength));
    }

    /** The digest carried by a well-formed packet. */
    public static byte[] digestOf(byte[] packet) {
        checkLength(packet);
        return Arrays.copyOfRange(packet, packet.length - Digest.LENGTH, packet.length);
    }

    /** Whether the packet's digest is the one {@code key} gives; false also for a malformed packet. */
    public static boolean digestMatches(byte[] packet, MbkKey key) {
        if (packet == null || !isWellFormed(packet)) return false;
        byte[] expected = Digest.compute(key.digestKey(), packet, 2, packet.length - 2 - Digest.LENGTH);
        return Arrays.equals(expected, 0, Digest.LENGTH, packet, packet.length - Digest.LENGTH, packet.length);
    }

    private static boolean isWellFormed(byte[] packet) {
        return packet.length >= OVERHEAD && packet.length <= MAX_PACKET_LENGTH
                && Wire.u16be(packet, 0) == packet.length - 2;
    }

    private static void checkLength(byte[] packet) {
        if (packet == null) throw new MalformedFrameException("no request packet");
        if (packet.length < 2) {
            throw new MalformedFrameException("request truncated: " + packet.length + " byte(s), the length field alone takes 2");
        }
        int length = Wire.u16be(packet, 0);
        if (length + 2 > MAX_PACKET_LENGTH) {
            throw new MalformedFrameException(String.format(
                    "request length field 0x%04X (%d) is oversize: the firmware buffer holds %d bytes",
                    length, length, MAX_PACKET_LENGTH));
        }
        if (length < OVERHEAD - 2) {
            throw new MalformedFrameException(String.format(
                    "request length field 0x%04X (%d) is below 12: sequence and digest alone take 12", length, length));
        }
        if (packet.length < length + 2) {
            throw new MalformedFrameException("request truncated: the length field says " + (length + 2)
                    + " bytes, only " + packet.length + " given");
        }
        if (packet.length > length + 2) {
            throw new MalformedFrameException("request has " + (packet.length - length - 2)
                    + " byte(s) after the " + (length + 2) + " the length field covers");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && sequence == r.sequence && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body) * 31 + Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "Request[body=" + Hex.lower(body) + ", sequence=" + sequence + "]";
    }
}
