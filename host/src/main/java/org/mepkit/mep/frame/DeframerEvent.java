package org.mepkit.mep.frame;

import java.util.Arrays;

import org.mepkit.util.Hex;

/** What the {@link Deframer} cuts out of a byte stream: a whole packet, or bytes it had to drop. */
public sealed interface DeframerEvent permits DeframerEvent.Packet, DeframerEvent.Garbage {

    /** One packet, length field included; {@code 00 00} (an alert) is a 2-byte packet. */
    record Packet(byte[] bytes) implements DeframerEvent {

        public Packet {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Packet p && Arrays.equals(bytes, p.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Packet[" + Hex.lower(bytes) + "]";
        }
    }

    /** Bytes dropped while resynchronising, with the reason. */
    record Garbage(byte[] dropped, String reason) implements DeframerEvent {

        public Garbage {
            dropped = dropped.clone();
        }

        @Override
        public byte[] dropped() {
            return dropped.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Garbage g && reason.equals(g.reason) && Arrays.equals(dropped, g.dropped);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(dropped) * 31 + reason.hashCode();
        }

        @Override
        public String toString() {
            return "Garbage[" + Hex.lower(dropped) + ", " + reason + "]";
        }
    }
}
