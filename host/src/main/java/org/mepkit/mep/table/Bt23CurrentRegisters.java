package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mepkit.mep.frame.Wire;
import org.mepkit.util.Hex;

/**
 * BT23 Current Register Data (mep-protocol.md §9.3): an optional 1-byte demand-reset counter
 * (when BT21 says so), then summations as signed little-endian int32. Summation 0 is forward
 * active energy L1L2L3 (Wh), summation 1 reverse active energy (Wh).
 *
 * <p>The same record holds a full read and the partial reads from offset 0: the 13-byte poll
 * (e.g. prefix + 3 summations, or 3 summations + 1 byte) and a 16-byte read. Bytes after the
 * last whole summation are kept in {@code trailing} so {@link #encode()} gives the bytes back.
 *
 * @param demandResetCount the prefix byte, or null when the layout has none
 * @param summations       at least two values
 * @param trailing         0..3 bytes after the last whole summation
 */
public record Bt23CurrentRegisters(Integer demandResetCount, List<Integer> summations, byte[] trailing) implements MepTable {

    /** The firmware's poll: partial read offset 0, count 13. */
    public static final int POLL_COUNT = 13;

    public Bt23CurrentRegisters {
        if (demandResetCount != null) Tables.checkU8("demand reset count", demandResetCount);
        summations = List.copyOf(summations);
        if (summations.size() < 2) throw new IllegalArgumentException("BT23 needs at least 2 summations (forward and reverse energy)");
        trailing = trailing.clone();
        if (trailing.length > 3) throw new IllegalArgumentException("BT23 trailing bytes must be fewer than 4, got " + trailing.length);
    }

    /** Forward and reverse active energy in Wh, no prefix, nothing else. */
    public static Bt23CurrentRegisters of(int forwardActiveWh, int reverseActiveWh) {
        return new Bt23CurrentRegisters(null, List.of(forwardActiveWh, reverseActiveWh), new byte[0]);
    }

    /** Decodes with no prefix: the firmware's layout before BT21 is read. */
    public static Bt23CurrentRegisters decode(byte[] data) {
        return decode(data, Bt21ActualRegister.NOT_READ);
    }

    /** Decodes with the layout BT21 gives (prefix when its flag 0x04 is set). */
    public static Bt23CurrentRegisters decode(byte[] data, Bt21ActualRegister layout) {
        int prefix = layout.bt23PrefixLength();
        Tables.requireLength(TableId.BT23, data, prefix + 8);
        List<Integer> values = new ArrayList<>();
        int off = prefix;
        for (; off + 4 <= data.length; off += 4) values.add(Wire.s32le(data, off));
        return new Bt23CurrentRegisters(prefix == 1 ? Wire.u8(data, 0) : null, values,
                Arrays.copyOfRange(data, off, data.length));
    }

    public int forwardActiveWh() {
        return summations.get(0);
    }

    public int reverseActiveWh() {
        return summations.get(1);
    }

    @Override
    public byte[] trailing() {
        return trailing.clone();
    }

    @Override
    public TableId tableId() {
        return TableId.BT23;
    }

    @Override
    public byte[] encode() {
        int prefix = demandResetCount == null ? 0 : 1;
        byte[] d = new byte[prefix + 4 * summations.size() + trailing.length];
        if (prefix == 1) d[0] = (byte) (int) demandResetCount;
        for (int i = 0; i < summations.size(); i++) Wire.putS32le(d, prefix + 4 * i, summations.get(i));
        System.arraycopy(trailing, 0, d, d.length - trailing.length, trailing.length);
        return d;
    }

    /** The first {@code count} bytes of {@link #encode()}: a partial read from offset 0. */
    public byte[] encodePartial(int count) {
        byte[] full = encode();
        if (count < 0 || count > full.length) {
            throw new IllegalArgumentException("partial count " + count + " is outside 0.." + full.length);
        }
        return Arrays.copyOf(full, count);
    }

    @Override
    public List<TableField> fields() {
        List<TableField> f = new ArrayList<>();
        if (demandResetCount != null) f.add(TableField.of("demand_reset_count", demandResetCount));
        f.add(TableField.of("Fwd_Act_Wh", forwardActiveWh(), "Wh"));
        f.add(TableField.of("Rev_Act_Wh", reverseActiveWh(), "Wh"));
        for (int i = 2; i < summations.size(); i++) f.add(TableField.of("summation_" + i, summations.get(i)));
        if (trailing.length > 0) f.add(TableField.of("trailing_hex", Hex.lower(trailing)));
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bt23CurrentRegisters b && java.util.Objects.equals(demandResetCount, b.demandResetCount)
                && summations.equals(b.summations) && Arrays.equals(trailing, b.trailing);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hashCode(demandResetCount) * 31 + summations.hashCode()) * 31 + Arrays.hashCode(trailing);
    }

    @Override
    public String toString() {
        return "Bt23CurrentRegisters[demandResetCount=" + demandResetCount + ", summations=" + summations
                + ", trailing=" + Hex.lower(trailing) + "]";
    }
}
