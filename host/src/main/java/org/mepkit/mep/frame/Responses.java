package org.mepkit.mep.frame;

import java.util.Arrays;

import org.mepkit.mep.key.MbkKey;

/**
 * Parses meter replies and builds them (for the virtual meter). Layout, mep-protocol.md §2.2:
 * {@code length u16 BE | code | ...}; a read reply is {@code 00 | count u16 BE | data[count]}
 * followed by the meter's 8-byte trailer; a 0x0C reply carries the expected sequence number u32 BE.
 */
public final class Responses {

    /** The firmware accepts replies of at most 511 bytes (its 512-byte buffer overflows at 512). */
    public static final int MAX_PACKET_LENGTH = 511;

    private Responses() {
    }

    /** {@link #parse(byte[], int)} with the firmware's 511-byte limit. */
    public static Response parse(byte[] packet) {
        return parse(packet, MAX_PACKET_LENGTH);
    }

    /**
     * Parses exactly one reply packet.
     *
     * @throws MalformedFrameException when truncated, longer than its length field, over
     *         {@code maxPacketLength}, a read reply whose count exceeds its bytes, or a 0x0C reply
     *         without a sequence number. Nothing else is thrown for any input.
     */
    public static Response parse(byte[] packet, int maxPacketLength) {
        if (packet == null) throw new MalformedFrameException("no response packet");
        if (packet.length < 2) {
            throw new MalformedFrameException("response truncated: " + packet.length + " byte(s), the length field alone takes 2");
        }
        int length = Wire.u16be(packet, 0);
        if (length + 2 > maxPacketLength) {
            throw new MalformedFrameException(String.format(
                    "response length field 0x%04X (%d) is oversize: at most %d bytes per packet are accepted",
                    length, length, maxPacketLength));
        }
        if (packet.length < length + 2) {
            throw new MalformedFrameException("response truncated: the length field says " + (length + 2)
                    + " bytes, only " + packet.length + " given");
        }
        if (packet.length > length + 2) {
            throw new MalformedFrameException("response has " + (packet.length - length - 2)
                    + " byte(s) after the " + (length + 2) + " the length field covers");
        }
        if (length == 0) return new Response.Alert();
        int code = packet[2] & 0xFF;
        if (code == ResponseCode.OK.code()) return data(packet, length);
        if (code == ResponseCode.INVALID_SEQUENCE.code()) {
            if (length < 5) {
                throw new MalformedFrameException("0x0C reply without its 4-byte sequence number (length field " + length + ")");
            }
            return new Response.SequenceResync(Wire.u32be(packet, 3), packet);
        }
        return new Response.Failure(ResponseCode.of(code), packet);
    }

    private static Response data(byte[] packet, int length) {
        if (length == 1) return new Response.Data(new byte[0], packet);
        if (length == 2) throw new MalformedFrameException("read reply cut short inside its 2-byte count field");
        int count = Wire.u16be(packet, 3);
        int available = length - 3;
        if (count > available) {
            throw new MalformedFrameException("read reply truncated: count field says " + count
                    + " data bytes, only " + available + " follow");
        }
        return new Response.Data(Arrays.copyOfRange(packet, 5, 5 + count), packet);
    }

    /** A success reply carrying table data, no trailer: {@code L | 00 | count | data}. */
    public static byte[] data(byte[] tableData) {
        checkDataSize(tableData.length);
        byte[] p = new byte[5 + tableData.length];
        Wire.putU16be(p, 0, 3 + tableData.length);
        Wire.putU16be(p, 3, tableData.length);
        System.arraycopy(tableData, 0, p, 5, tableData.length);
        return p;
    }

    /** How many bytes every real meter reply carries after its data (content unknown, mep-protocol.md §2.2). */
    public static final int TRAILER_LENGTH = 8;

    /**
     * {@code reply} with the 8-byte trailer real meters append to every reply, the length field grown to
     * cover it. What real meters put there is unknown and nothing reads it (the firmware does not, and
     * {@link #parse} keeps it apart from the table data); the virtual meter fills it with the §5 digest of
     * the bytes after the length field followed by the request's {@code sequence}, so it is neither zeros
     * nor constant. A success reply without a count field (a write's {@code 00 01 00}) gets a count of 0
     * first, so the trailer is never read as a count.
     */
    public static byte[] withTrailer(byte[] reply, MbkKey key, long sequence) {
        if (sequence < 0 || sequence > 0xFFFF_FFFFL) throw new IllegalArgumentException("sequence " + sequence + " is outside 0..4294967295");
        if (reply.length < 3) throw new IllegalArgumentException("an alert or a truncated reply carries no trailer");
        byte[] body = reply.length == 3 && reply[2] == 0 ? new byte[] {reply[2], 0, 0} : Arrays.copyOfRange(reply, 2, reply.length);
        if (body.length + TRAILER_LENGTH > 0xFFFF) {   // body is code, count and data: the length field covers it all
            throw new IllegalArgumentException("a reply of " + body.length + " bytes and its trailer do not fit a 16-bit length field");
        }
        byte[] p = new byte[2 + body.length + TRAILER_LENGTH];
        Wire.putU16be(p, 0, p.length - 2);
        System.arraycopy(body, 0, p, 2, body.length);
        byte[] digested = Arrays.copyOf(body, body.length + 4);
        Wire.putU32be(digested, body.length, sequence);
        System.arraycopy(Digest.compute(key, digested), 0, p, 2 + body.length, TRAILER_LENGTH);
        return p;
    }

    /** A success reply with no data ({@code 00 01 00}), as to a write. */
    public static byte[] ok() {
        return new byte[] {0x00, 0x01, 0x00};
    }

    /** {@code 00 05 0C | seq u32 BE}. */
    public static byte[] sequenceResync(long expectedSequence) {
        if (expectedSequence < 0 || expectedSequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("sequence " + expectedSequence + " is outside 0..4294967295");
        }
        byte[] p = {0x00, 0x05, 0x0C, 0, 0, 0, 0};
        Wire.putU32be(p, 3, expectedSequence);
        return p;
    }

    /** {@code 00 01 code} for a refusal code (not OK, INVALID_SEQUENCE or UNKNOWN, which need other forms). */
    public static byte[] failure(ResponseCode code) {
        if (code == ResponseCode.OK || code == ResponseCode.INVALID_SEQUENCE || code == ResponseCode.UNKNOWN) {
            throw new IllegalArgumentException(code + " is not a refusal code; use ok(), sequenceResync() or failure(int)");
        }
        return failure(code.code());
    }

    /** {@code 00 01 code} for any code byte. */
    public static byte[] failure(int rawCode) {
        if (rawCode < 0 || rawCode > 0xFF) throw new IllegalArgumentException("code " + rawCode + " is outside 0..255");
        return new byte[] {0x00, 0x01, (byte) rawCode};
    }

    /** The alert: {@code 00 00}. */
    public static byte[] alert() {
        return new byte[] {0x00, 0x00};
    }

    private static void checkDataSize(int dataLength) {
        if (dataLength + 3 > 0xFFFF) {
            throw new IllegalArgumentException("table data of " + dataLength + " bytes does not fit a 16-bit length field");
        }
    }
}
