package org.mepkit.optical.frame;

import java.time.Duration;
import java.util.Arrays;

/**
 * Cuts C12.18 packets, ACKs and NAKs out of a byte stream, one byte at a time, for both ends of the
 * link. Outside a packet, {@code 06} is an ACK, {@code 15} a NAK, {@code EE} starts a packet and
 * anything else is noise. Inside a packet the header's length says how many bytes follow; a packet
 * whose bytes stop for longer than the inter-character timeout is abandoned ({@link #expire}).
 *
 * <p>Not thread-safe: the one thread that reads the line feeds it.
 */
public final class PacketScanner {

    /** What one byte (or a silence) completed. */
    public sealed interface Event {
        record Ack() implements Event { }

        record Nak() implements Event { }

        /** A byte outside any packet that is neither EE, ACK nor NAK. */
        record Noise(int value) implements Event { }

        /** A whole packet with a good CRC; {@code crc} is what it carried, for duplicate detection. */
        record Received(Packet packet, int crc) implements Event { }

        /** A whole packet whose CRC does not match its bytes. */
        record Corrupt(byte[] raw, String reason) implements Event {
            public Corrupt { raw = raw.clone(); }
            @Override public byte[] raw() { return raw.clone(); }
        }

        /** The start of a packet followed by silence longer than the inter-character timeout. */
        record Abandoned(int bytes) implements Event { }
    }

    private static final Event ACK = new Event.Ack();
    private static final Event NAK = new Event.Nak();

    private byte[] buf = new byte[256];
    private int have;
    private long lastByteAt;

    /** True between an {@code EE} and the packet's last CRC byte. */
    public boolean inPacket() {
        return have > 0;
    }

    /** Ticker time of the last byte fed inside the current packet. */
    public long lastByteAt() {
        return lastByteAt;
    }

    /** Feeds one byte received at {@code nowNanos}; returns what it completed, or null. */
    public Event feed(int value, long nowNanos) {
        int b = value & 0xFF;
        if (have == 0) {
            if (b == Packet.STP) {
                put(b, nowNanos);
                return null;
            }
            if (b == Packet.ACK) return ACK;
            if (b == Packet.NAK) return NAK;
            return new Event.Noise(b);
        }
        put(b, nowNanos);
        if (have < Packet.HEADER) return null;
        int length = (buf[4] & 0xFF) << 8 | buf[5] & 0xFF;
        if (have < Packet.OVERHEAD + length) return null;
        byte[] raw = Arrays.copyOf(buf, have);
        have = 0;
        int crc = (raw[raw.length - 2] & 0xFF) | (raw[raw.length - 1] & 0xFF) << 8;
        try {
            return new Event.Received(Packet.decode(raw), crc);
        } catch (BadPacketException e) {
            return new Event.Corrupt(raw, e.getMessage());
        }
    }

    /**
     * Abandons a packet whose last byte came more than {@code interCharacter} before {@code nowNanos}.
     * Returns the {@link Event.Abandoned} event, or null when nothing was abandoned.
     */
    public Event expire(long nowNanos, Duration interCharacter) {
        if (have == 0 || nowNanos - lastByteAt <= interCharacter.toNanos()) return null;
        int n = have;
        have = 0;
        return new Event.Abandoned(n);
    }

    /** Forgets a partial packet (after a line reset). */
    public void reset() {
        have = 0;
    }

    private void put(int b, long nowNanos) {
        if (have == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        buf[have++] = (byte) b;
        lastByteAt = nowNanos;
    }
}
