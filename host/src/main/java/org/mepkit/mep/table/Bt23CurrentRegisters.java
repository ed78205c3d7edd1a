package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.mepkit.util.Hex;

/**
 * BT23 Current Register Data (mep-protocol.md §9.3, ANSI C12.19 CURRENT_REG_DATA_TBL): an optional
 * 1-byte demand-reset counter (when BT21 says so), then the summations in NI_FMAT1 (BT00; over MEP
 * signed little-endian int32). Summation 0 is forward active energy L1L2L3 (Wh), summation 1
 * reverse active energy (Wh).
 *
 * <p>The layout is sized from BT21 (prefix, number of summations) and BT00 (width and byte order of a
 * value) and from the count the meter returned: the firmware's 13-byte MEP poll, a 16-byte MEP full
 * read and the 8-byte table seen over the optical port all decode. Bytes after the last summation
 * decoded (demands, a partial value) are kept in {@code trailing} so {@link #encode()} gives the bytes back.
 *
 * @param demandResetCount the prefix byte, or null when the layout has none
 * @param summations       at least two values
 * @param trailing         bytes after the last summation
 * @param format           how the summations are encoded
 */
public record Bt23CurrentRegisters(Integer demandResetCount, List<Integer> summations, byte[] trailing,
                                   DataFormat format) implements MepTable {

    /** The firmware's poll: partial read offset 0, count 13. */
    public static final int POLL_COUNT = 13;

    public Bt23CurrentRegisters {
        if (demandResetCount != null) Tables.checkU8("demand reset count", demandResetCount);
        summations = List.copyOf(summations);
        if (summations.size() < 2) throw new IllegalArgumentException("BT23 needs at least 2 summations (forward and reverse energy)");
        trailing = trailing.clone();
        Objects.requireNonNull(format, "format");
    }

    /** In the MEP data format. */
    public Bt23CurrentRegisters(Integer demandResetCount, List<Integer> summations, byte[] trailing) {
        this(demandResetCount, summations, trailing, DataFormat.MEP);
    }

    /** Forward and reverse active energy in Wh, no prefix, nothing else. */
    public static Bt23CurrentRegisters of(int forwardActiveWh, int reverseActiveWh) {
        return new Bt23CurrentRegisters(null, List.of(forwardActiveWh, reverseActiveWh), new byte[0]);
    }

    /** Decodes with no prefix: the firmware's layout before BT21 is read. */
    public static Bt23CurrentRegisters decode(byte[] data) {
        return decode(data, Bt21ActualRegister.NOT_READ);
    }

    /** Decodes with the layout BT21 gives, in the MEP data format. */
    public static Bt23CurrentRegisters decode(byte[] data, Bt21ActualRegister layout) {
        return decode(data, layout, DataFormat.MEP);
    }

    /**
     * Decodes with the prefix and number of summations from BT21 (every whole value when BT21 gives
     * none) in the format from BT00.
     */
    public static Bt23CurrentRegisters decode(byte[] data, Bt21ActualRegister layout, DataFormat format) {
        int prefix = layout.bt23PrefixLength();
        int width = format.ni1().size();
        Tables.requireLength(TableId.BT23, data, prefix + 2 * width);
        int count = (data.length - prefix) / width;
        if (layout.summations() > 0) count = Math.min(count, Math.max(2, layout.summations()));
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add(format.ni1().read(data, prefix + width * i, format.bigEndian()));
        int end = prefix + width * count;
        return new Bt23CurrentRegisters(prefix == 1 ? data[0] & 0xFF : null, values,
                Arrays.copyOfRange(data, end, data.length), format);
    }

    /** The number of bytes from the start of the table to the end of summation 1 (what an energy reading needs). */
    public static int energyBytes(Bt21ActualRegister layout, DataFormat format) {
        return layout.bt23PrefixLength() + 2 * format.ni1().size();
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
        int width = format.ni1().size();
        byte[] d = new byte[prefix + width * summations.size() + trailing.length];
        if (prefix == 1) d[0] = (byte) (int) demandResetCount;
        for (int i = 0; i < summations.size(); i++) format.ni1().write(d, prefix + width * i, format.bigEndian(), summations.get(i));
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
        return o instanceof Bt23CurrentRegisters b && Objects.equals(demandResetCount, b.demandResetCount)
                && summations.equals(b.summations) && Arrays.equals(trailing, b.trailing) && format.equals(b.format);
    }

    @Override
    public int hashCode() {
        return ((Objects.hashCode(demandResetCount) * 31 + summations.hashCode()) * 31 + Arrays.hashCode(trailing)) * 31
                + format.hashCode();
    }

    @Override
    public String toString() {
        return "Bt23CurrentRegisters[demandResetCount=" + demandResetCount + ", summations=" + summations
                + ", trailing=" + Hex.lower(trailing) + ", " + format.describe() + "]";
    }
}
