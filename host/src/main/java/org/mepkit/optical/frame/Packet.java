package org.mepkit.optical.frame;

import java.util.Arrays;

import org.mepkit.util.Hex;

/**
 * One ANSI C12.18 packet: {@code EE | identity | control | sequence | length(2, BE) | data | CRC(2, low byte first)},
 * the CRC ({@link Crc16X25}) over every byte from {@code EE} to the last data byte.
 *
 * <p>Control: bit 7 multi-packet message, bit 6 first packet of a multi-packet message, bit 5 toggle
 * (flips with every new packet a side sends, stays the same on a retransmission), bits 0–1 the data
 * format. Sequence: the number of packets of the message still to follow (0 for the last or only one).
 *
 * @param identity 0..255 (termineter always sends 0)
 * @param control  0..255
 * @param sequence 0..255
 * @param data     0..65535 bytes
 */
public record Packet(int identity, int control, int sequence, byte[] data) {

    public static final int STP = 0xEE;
    public static final int ACK = 0x06;
    public static final int NAK = 0x15;
    public static final int MULTI_PACKET = 0x80;
    public static final int FIRST_PACKET = 0x40;
    public static final int TOGGLE = 0x20;
    /** Bytes of a packet that are not data: STP, identity, control, sequence, length (2) and CRC (2). */
    public static final int OVERHEAD = 8;
    public static final int HEADER = 6;

    public Packet {
        checkU8("identity", identity);
        checkU8("control", control);
        checkU8("sequence", sequence);
        data = data.clone();
        if (data.length > 0xFFFF) throw new IllegalArgumentException("packet data is at most 65535 bytes, got " + data.length);
    }

    /** A single-packet message with the given toggle bit, identity 0. */
    public static Packet single(byte[] data, boolean toggle) {
        return new Packet(0, toggle ? TOGGLE : 0, 0, data);
    }

    public boolean toggle() {
        return (control & TOGGLE) != 0;
    }

    public boolean multiPacket() {
        return (control & MULTI_PACKET) != 0;
    }

    public boolean firstPacket() {
        return (control & FIRST_PACKET) != 0;
    }

    /** Bits 0–1 of the control byte. */
    public int dataFormat() {
        return control & 0x03;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** The packet as it goes on the wire. */
    public byte[] encode() {
        byte[] b = new byte[OVERHEAD + data.length];
        b[0] = (byte) STP;
        b[1] = (byte) identity;
        b[2] = (byte) control;
        b[3] = (byte) sequence;
        b[4] = (byte) (data.length >>> 8);
        b[5] = (byte) data.length;
        System.arraycopy(data, 0, b, HEADER, data.length);
        int crc = Crc16X25.of(b, 0, HEADER + data.length);
        b[b.length - 2] = (byte) crc;
        b[b.length - 1] = (byte) (crc >>> 8);
        return b;
    }

    /**
     * Decodes one whole packet.
     *
     * @throws BadPacketException when the bytes do not start with EE, their length disagrees with the
     *         length field, or the CRC does not match
     */
    public static Packet decode(byte[] bytes) {
        if (bytes.length < OVERHEAD) throw new BadPacketException("a packet has at least 8 bytes, got " + bytes.length);
        if ((bytes[0] & 0xFF) != STP) throw new BadPacketException(String.format("a packet starts with EE, not %02X", bytes[0] & 0xFF));
        int length = (bytes[4] & 0xFF) << 8 | bytes[5] & 0xFF;
        if (bytes.length != OVERHEAD + length) {
            throw new BadPacketException("the length field says " + length + " data bytes, the packet has " + (bytes.length - OVERHEAD));
        }
        int crc = Crc16X25.of(bytes, 0, HEADER + length);
        int sent = (bytes[bytes.length - 2] & 0xFF) | (bytes[bytes.length - 1] & 0xFF) << 8;
        if (crc != sent) throw new BadPacketException(String.format("bad CRC: the packet carries %04X, its bytes give %04X", sent, crc));
        return new Packet(bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF, Arrays.copyOfRange(bytes, HEADER, HEADER + length));
    }

    /** The CRC this packet carries (what duplicate detection compares, with the toggle bit). */
    public int crc() {
        byte[] b = encode();
        return (b[b.length - 2] & 0xFF) | (b[b.length - 1] & 0xFF) << 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && identity == p.identity && control == p.control && sequence == p.sequence
                && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return ((identity * 31 + control) * 31 + sequence) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("Packet[id=%02x ctl=%02x seq=%d data=%s]", identity, control, sequence, Hex.lower(data));
    }

    private static void checkU8(String field, int v) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(field + " " + v + " is outside 0..255");
    }
}
