package org.mepkit.mep.frame;

import java.util.Arrays;

import org.mepkit.util.Hex;

/** A parsed meter reply (mep-protocol.md §2.2, §6, §7.1). {@link Responses} parses and builds them. */
public sealed interface Response permits Response.Data, Response.SequenceResync, Response.Failure, Response.Alert {

    /**
     * Code 0x00. For a read, {@code tableData} is the {@code count} bytes after the u16 BE count
     * field; anything after them is the {@link #trailer()} (e.g. seq + digest). A reply of only the
     * code byte (e.g. to a write) has empty table data.
     */
    record Data(byte[] tableData, byte[] packet) implements Response {

        public Data {
            tableData = tableData.clone();
            packet = packet.clone();
        }

        @Override
        public byte[] tableData() {
            return tableData.clone();
        }

        @Override
        public byte[] packet() {
            return packet.clone();
        }

        /** Bytes after the table data (none in the default meter reply). */
        public byte[] trailer() {
            int start = packet.length > 3 ? 5 + tableData.length : packet.length;
            return Arrays.copyOfRange(packet, Math.min(start, packet.length), packet.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(packet, d.packet);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "Data[tableData=" + Hex.lower(tableData) + "]";
        }
    }

    /** Code 0x0C: the meter wants {@code expectedSequence} next (u32 BE at packet bytes 3..6). */
    record SequenceResync(long expectedSequence, byte[] packet) implements Response {

        public SequenceResync {
            packet = packet.clone();
        }

        @Override
        public byte[] packet() {
            return packet.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SequenceResync s && Arrays.equals(packet, s.packet);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "SequenceResync[expectedSequence=" + expectedSequence + "]";
        }
    }

    /** Any other code: the meter refused. {@link #rawCode()} keeps the byte when the code is {@link ResponseCode#UNKNOWN}. */
    record Failure(ResponseCode code, byte[] packet) implements Response {

        public Failure {
            packet = packet.clone();
        }

        @Override
        public byte[] packet() {
            return packet.clone();
        }

        public int rawCode() {
            return packet.length > 2 ? packet[2] & 0xFF : code.code();
        }

        /** The typed exception for this refusal ({@link AuthenticationFailureException} for 0x0B). */
        public MeterRefusedException toException() {
            return MeterRefusedException.of(code);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Failure f && Arrays.equals(packet, f.packet);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "Failure[" + code + String.format(" 0x%02X]", rawCode());
        }
    }

    /** The two bytes {@code 00 00} the meter sends, unasked, to signal an alert. */
    record Alert() implements Response {
    }
}
