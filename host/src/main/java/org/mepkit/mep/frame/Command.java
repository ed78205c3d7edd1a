package org.mepkit.mep.frame;

import java.util.Arrays;
import java.util.Optional;

import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

/**
 * The body of a request: a command byte and its operands (mep-protocol.md §3). Table ids,
 * offsets and counts are big-endian.
 */
public sealed interface Command permits Command.FullRead, Command.PartialRead, Command.FullWrite, Command.Unknown {

    int FULL_READ = 0x30;
    int PARTIAL_READ = 0x3F;
    int FULL_WRITE = 0x40;
    int PARTIAL_WRITE = 0x4F;
    /** The max reply length every full read of the firmware carries ({@code 02 00}). */
    int FIRMWARE_MAX_REPLY_LENGTH = 512;

    /** The body bytes as they go on the wire. */
    byte[] body();

    /** One line for people: "full read BT28 (max reply 512)". */
    String describe();

    static Command fullRead(TableId table) {
        return new FullRead(table, FIRMWARE_MAX_REPLY_LENGTH);
    }

    static Command partialRead(TableId table, int offset, int count) {
        return new PartialRead(table, offset, count);
    }

    static Command fullWrite(TableId table, byte[] data) {
        return new FullWrite(table, data);
    }

    /** A procedure call: a full write of BT07 with the procedure number little-endian (§7.2). */
    static Command procedureCall(int procedureNumber, int procSeq, byte[] params) {
        return new FullWrite(TableId.BT07, new ProcedureCall(procedureNumber, procSeq, params).tableData());
    }

    /**
     * Recognises the three commands the firmware builds. A full read may also be the 3-byte form
     * without a max reply length (firmware before 2023-04-25). Anything else, including a partial
     * write, is {@link Unknown}: a body is never rejected here, only described.
     */
    static Command parse(byte[] body) {
        if (body.length == 0) return new Unknown(body);
        int cmd = body[0] & 0xFF;
        if (cmd == FULL_READ && body.length == 5) {
            return new FullRead(new TableId(Wire.u16be(body, 1)), Wire.u16be(body, 3));
        }
        if (cmd == FULL_READ && body.length == 3) {
            return new FullRead(new TableId(Wire.u16be(body, 1)), FullRead.NO_MAX_REPLY_LENGTH);
        }
        if (cmd == PARTIAL_READ && body.length == 8) {
            return new PartialRead(new TableId(Wire.u16be(body, 1)), Wire.u24be(body, 3), Wire.u16be(body, 6));
        }
        if (cmd == FULL_WRITE && body.length >= 5 && Wire.u16be(body, 3) == body.length - 5) {
            return new FullWrite(new TableId(Wire.u16be(body, 1)), Arrays.copyOfRange(body, 5, body.length));
        }
        return new Unknown(body);
    }

    /**
     * {@code 30 | table | max reply length}.
     *
     * @param maxReplyLength 0..0xFFFF, or {@link #NO_MAX_REPLY_LENGTH} for the old 3-byte body
     */
    record FullRead(TableId table, int maxReplyLength) implements Command {

        public static final int NO_MAX_REPLY_LENGTH = -1;

        public FullRead {
            if (maxReplyLength < NO_MAX_REPLY_LENGTH || maxReplyLength > 0xFFFF) {
                throw new IllegalArgumentException("max reply length " + maxReplyLength + " is outside 0..65535");
            }
        }

        @Override
        public byte[] body() {
            byte[] b = new byte[maxReplyLength == NO_MAX_REPLY_LENGTH ? 3 : 5];
            b[0] = (byte) FULL_READ;
            Wire.putU16be(b, 1, table.id());
            if (b.length == 5) Wire.putU16be(b, 3, maxReplyLength);
            return b;
        }

        @Override
        public String describe() {
            return "full read " + table.name() + (maxReplyLength == NO_MAX_REPLY_LENGTH
                    ? " (no max reply length)" : " (max reply " + maxReplyLength + ")");
        }
    }

    /** {@code 3F | table | offset u24 BE | count u16 BE}. */
    record PartialRead(TableId table, int offset, int count) implements Command {

        public PartialRead {
            if (offset < 0 || offset > 0xFF_FFFF) throw new IllegalArgumentException("offset " + offset + " is outside 0..0xFFFFFF");
            if (count < 0 || count > 0xFFFF) throw new IllegalArgumentException("count " + count + " is outside 0..65535");
        }

        @Override
        public byte[] body() {
            byte[] b = new byte[8];
            b[0] = (byte) PARTIAL_READ;
            Wire.putU16be(b, 1, table.id());
            Wire.putU24be(b, 3, offset);
            Wire.putU16be(b, 6, count);
            return b;
        }

        @Override
        public String describe() {
            return "partial read " + table.name() + " offset " + offset + " count " + count;
        }
    }

    /** {@code 40 | table | count u16 BE | data}, no checksum after the data. */
    record FullWrite(TableId table, byte[] data) implements Command {

        public FullWrite {
            if (data.length > 0xFFFF) throw new IllegalArgumentException("write data of " + data.length + " bytes is over 65535");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public byte[] body() {
            byte[] b = new byte[5 + data.length];
            b[0] = (byte) FULL_WRITE;
            Wire.putU16be(b, 1, table.id());
            Wire.putU16be(b, 3, data.length);
            System.arraycopy(data, 0, b, 5, data.length);
            return b;
        }

        /** The procedure call when this writes BT07 with at least 3 bytes. */
        public Optional<ProcedureCall> procedureCall() {
            return table.equals(TableId.BT07) ? ProcedureCall.fromTableData(data) : Optional.empty();
        }

        @Override
        public String describe() {
            return procedureCall().map(p -> String.format("procedure call 0x%04X (BT07 write), proc-seq %d, %d parameter byte(s)",
                            p.procedureNumber(), p.procSeq(), p.params().length))
                    .orElse("full write " + table.name() + ", " + data.length + " byte(s)");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FullWrite w && table.equals(w.table) && Arrays.equals(data, w.data);
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "FullWrite[table=" + table + ", data=" + Hex.lower(data) + "]";
        }
    }

    /** A body none of the above describes; kept as is. */
    record Unknown(byte[] body) implements Command {

        public Unknown {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String describe() {
            if (body.length == 0) return "empty body";
            return String.format("unrecognised command 0x%02X, %d byte(s)", body[0] & 0xFF, body.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && Arrays.equals(body, u.body);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Unknown[" + Hex.lower(body) + "]";
        }
    }
}
