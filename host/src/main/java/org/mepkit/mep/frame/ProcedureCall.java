package org.mepkit.mep.frame;

import java.util.Arrays;

import org.mepkit.util.Hex;

/**
 * A procedure call written to BT07 (mep-protocol.md §7.2): the data of the full write is
 * {@code procedure number u16 LE | proc-seq u8 | parameters}.
 *
 * @param procedureNumber e.g. 0x0827 for EP39
 * @param procSeq         the procedure sequence number (the firmware cycles 5..9)
 * @param params          parameter bytes
 */
public record ProcedureCall(int procedureNumber, int procSeq, byte[] params) {

    /** EP39 "Post MEP Data", the only procedure the firmware calls. */
    public static final int EP39 = 0x0827;
    /** The parameters the firmware sends with EP39: data type 04, status 01, length 6 (LE), bytes 1..6. */
    public static final byte[] EP39_FIRMWARE_PARAMS = {0x04, 0x01, 0x06, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06};

    public ProcedureCall {
        if (procedureNumber < 0 || procedureNumber > 0xFFFF) {
            throw new IllegalArgumentException("procedure number " + procedureNumber + " is outside 0..0xFFFF");
        }
        if (procSeq < 0 || procSeq > 0xFF) throw new IllegalArgumentException("procedure sequence " + procSeq + " is outside 0..255");
        params = params.clone();
    }

    @Override
    public byte[] params() {
        return params.clone();
    }

    /** The BT07 table data. */
    public byte[] tableData() {
        byte[] data = new byte[3 + params.length];
        Wire.putU16le(data, 0, procedureNumber);
        data[2] = (byte) procSeq;
        System.arraycopy(params, 0, data, 3, params.length);
        return data;
    }

    /** Reads BT07 table data; empty when shorter than 3 bytes. */
    static java.util.Optional<ProcedureCall> fromTableData(byte[] data) {
        if (data.length < 3) return java.util.Optional.empty();
        return java.util.Optional.of(new ProcedureCall(Wire.u16le(data, 0), data[2] & 0xFF,
                Arrays.copyOfRange(data, 3, data.length)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcedureCall p && procedureNumber == p.procedureNumber && procSeq == p.procSeq
                && Arrays.equals(params, p.params);
    }

    @Override
    public int hashCode() {
        return (procedureNumber * 31 + procSeq) * 31 + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return String.format("ProcedureCall[0x%04X, seq=%d, params=%s]", procedureNumber, procSeq, Hex.lower(params));
    }
}
