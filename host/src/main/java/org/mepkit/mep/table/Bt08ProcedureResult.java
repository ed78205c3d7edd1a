package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mepkit.mep.frame.Wire;
import org.mepkit.util.Hex;

/**
 * A procedure-result table: BT08, and the ids the firmware treats the same way (0x083B, 0x0855)
 * plus 0x083A, which its alert chain reads (mep-protocol.md §7.1–7.2). Data byte 3 is the result
 * code (a fact). Bytes 0–1 as the procedure number (u16 LE, as in the BT07 write) and byte 2 as
 * the procedure sequence are an INFERENCE of the reference; bytes from 4 are response data.
 */
public record Bt08ProcedureResult(TableId table, int procedureNumber, int procSeq, int resultCode,
                                  byte[] responseData) implements MepTable {

    public static final int MIN_LENGTH = 4;

    public Bt08ProcedureResult {
        Tables.checkU16("procedure number", procedureNumber);
        Tables.checkU8("procedure sequence", procSeq);
        Tables.checkU8("result code", resultCode);
        responseData = responseData.clone();
    }

    /** A BT08 result with no response data. */
    public static Bt08ProcedureResult of(int procedureNumber, int procSeq, ProcedureOutcome outcome) {
        return new Bt08ProcedureResult(TableId.BT08, procedureNumber, procSeq, outcome.code(), new byte[0]);
    }

    /** Decodes BT08 data. */
    public static Bt08ProcedureResult decode(byte[] data) {
        return decode(TableId.BT08, data);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 4 bytes */
    public static Bt08ProcedureResult decode(TableId table, byte[] data) {
        Tables.requireLength(table, data, MIN_LENGTH);
        return new Bt08ProcedureResult(table, Wire.u16le(data, 0), Wire.u8(data, 2), Wire.u8(data, 3),
                Arrays.copyOfRange(data, MIN_LENGTH, data.length));
    }

    public ProcedureOutcome outcome() {
        return ProcedureOutcome.of(resultCode);
    }

    @Override
    public byte[] responseData() {
        return responseData.clone();
    }

    @Override
    public TableId tableId() {
        return table;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[MIN_LENGTH + responseData.length];
        Wire.putU16le(d, 0, procedureNumber);
        d[2] = (byte) procSeq;
        d[3] = (byte) resultCode;
        System.arraycopy(responseData, 0, d, MIN_LENGTH, responseData.length);
        return d;
    }

    @Override
    public List<TableField> fields() {
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("procedure", String.format("0x%04X", procedureNumber)));
        f.add(TableField.of("procedure_sequence", procSeq));
        f.add(TableField.of("result_code", resultCode));
        f.add(TableField.of("result", outcome().description()));
        if (responseData.length > 0) f.add(TableField.of("response_data_hex", Hex.lower(responseData)));
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bt08ProcedureResult r && table.equals(r.table) && procedureNumber == r.procedureNumber
                && procSeq == r.procSeq && resultCode == r.resultCode && Arrays.equals(responseData, r.responseData);
    }

    @Override
    public int hashCode() {
        return ((table.hashCode() * 31 + procedureNumber) * 31 + procSeq) * 31 + resultCode + Arrays.hashCode(responseData);
    }

    @Override
    public String toString() {
        return "Bt08ProcedureResult[" + table + String.format(", 0x%04X, seq=%d, result=%d]", procedureNumber, procSeq, resultCode);
    }
}
