package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mepkit.util.Hex;

/**
 * BT28 Present Register Data (mep-protocol.md §9.4, ANSI C12.19 PRESENT_REGISTER_DATA_TBL): the
 * present demands first (B bytes, laid out by BT21 and BT00), then the present values in NI_FMAT1
 * (over MEP signed little-endian int32); value k sits at B + width·k. Every value is kept;
 * {@link PresentValue} names and gives the unit of the ones the board firmware knows.
 *
 * <p>How many values there are is what BT21 announces, or what the meter returned: 55 over MEP,
 * 10 over the optical port of the meter in the reference (forward/reverse W, import/export var,
 * I1..I3 in mA, U1..U3 in mV: the first ten of the MEP layout).
 *
 * @param presentDemands the B bytes before the first present value, kept raw
 * @param values         every present value decoded, at least one
 * @param trailing       bytes after the last value decoded
 * @param format         how the values are encoded
 */
public record Bt28PresentValues(byte[] presentDemands, List<Integer> values, byte[] trailing, DataFormat format) implements MepTable {

    public Bt28PresentValues {
        presentDemands = presentDemands.clone();
        values = List.copyOf(values);
        trailing = trailing.clone();
        Objects.requireNonNull(format, "format");
        if (values.isEmpty()) throw new IllegalArgumentException("BT28 needs at least one present value");
    }

    /** In the MEP data format. */
    public Bt28PresentValues(byte[] presentDemands, List<Integer> values, byte[] trailing) {
        this(presentDemands, values, trailing, DataFormat.MEP);
    }

    /** 55 values, zero except those given; no present demands. */
    public static Bt28PresentValues of(Map<PresentValue, Integer> given) {
        List<Integer> v = new ArrayList<>();
        for (int i = 0; i < PresentValue.FIRMWARE_COUNT; i++) v.add(0);
        given.forEach((k, x) -> v.set(k.index(), x));
        return new Bt28PresentValues(new byte[0], v, new byte[0]);
    }

    /** Decodes with no present demands (B = 0): the firmware's layout before BT21 is read. */
    public static Bt28PresentValues decode(byte[] data) {
        return decode(data, Bt21ActualRegister.NOT_READ);
    }

    /**
     * Decodes the MEP layout: B from BT21 (mod 256, as the firmware computes it), int32 LE values, and
     * unlike the firmware (which checks only {@code length > B + 216}) all 55 values must be whole.
     */
    public static Bt28PresentValues decode(byte[] data, Bt21ActualRegister layout) {
        int base = layout.bt28PresentValueOffset();
        Tables.requireLength(TableId.BT28, data, base + 4 * PresentValue.FIRMWARE_COUNT);
        return decodeFrom(data, base, (data.length - base) / 4, DataFormat.MEP);
    }

    /**
     * Decodes any layout: B = Npd · (time prefix + NI_FMAT2 width) from BT21 and BT00, then BT21's
     * number of present values, or every whole value when BT21 gives none or the meter returned fewer.
     */
    public static Bt28PresentValues decode(byte[] data, Bt21ActualRegister layout, DataFormat format) {
        int base = demandBytes(layout, format);
        int width = format.ni1().size();
        Tables.requireLength(TableId.BT28, data, base + width);
        int count = (data.length - base) / width;
        if (layout.presentValues() > 0) count = Math.min(count, layout.presentValues());
        return decodeFrom(data, base, count, format);
    }

    /** B: the bytes of the present demands before the first present value. */
    public static int demandBytes(Bt21ActualRegister layout, DataFormat format) {
        return layout.presentDemands() * (layout.bt28DemandPrefixLength() + format.ni2().size());
    }

    /** The size of the whole table as BT21 and BT00 describe it (0 values when BT21 gives none). */
    public static int tableBytes(Bt21ActualRegister layout, DataFormat format) {
        return demandBytes(layout, format) + layout.presentValues() * format.ni1().size();
    }

    private static Bt28PresentValues decodeFrom(byte[] data, int base, int count, DataFormat format) {
        int width = format.ni1().size();
        List<Integer> v = new ArrayList<>();
        for (int k = 0; k < count; k++) v.add(format.ni1().read(data, base + width * k, format.bigEndian()));
        int end = base + width * count;
        return new Bt28PresentValues(Arrays.copyOf(data, base), v, Arrays.copyOfRange(data, end, data.length), format);
    }

    /** The first {@code count} values only (a shorter layout of the same meter). */
    public Bt28PresentValues firstValues(int count) {
        return new Bt28PresentValues(presentDemands, values.subList(0, Math.min(count, values.size())), new byte[0], format);
    }

    /**
     * @throws IllegalStateException when this table has fewer values than {@code which.index() + 1}
     */
    public int value(PresentValue which) {
        return find(which).orElseThrow(() -> new IllegalStateException("BT28 has " + values.size()
                + " present values, " + which.jsonName() + " is number " + which.index()));
    }

    /** The value when the table has it. */
    public Optional<Integer> find(PresentValue which) {
        return which.index() < values.size() ? Optional.of(values.get(which.index())) : Optional.empty();
    }

    /** The known values this table has, by name. */
    public Map<PresentValue, Integer> known() {
        Map<PresentValue, Integer> m = new EnumMap<>(PresentValue.class);
        for (PresentValue p : PresentValue.values()) find(p).ifPresent(x -> m.put(p, x));
        return m;
    }

    @Override
    public byte[] presentDemands() {
        return presentDemands.clone();
    }

    @Override
    public byte[] trailing() {
        return trailing.clone();
    }

    @Override
    public TableId tableId() {
        return TableId.BT28;
    }

    @Override
    public byte[] encode() {
        int base = presentDemands.length;
        int width = format.ni1().size();
        byte[] d = new byte[base + width * values.size() + trailing.length];
        System.arraycopy(presentDemands, 0, d, 0, base);
        for (int i = 0; i < values.size(); i++) format.ni1().write(d, base + width * i, format.bigEndian(), values.get(i));
        System.arraycopy(trailing, 0, d, d.length - trailing.length, trailing.length);
        return d;
    }

    /** Every value in index order: known ones with the firmware's name and unit, others as {@code pv_<k>}. */
    @Override
    public List<TableField> fields() {
        List<TableField> f = new ArrayList<>();
        if (presentDemands.length > 0) f.add(TableField.of("present_demands_hex", Hex.lower(presentDemands)));
        for (int k = 0; k < values.size(); k++) {
            int value = values.get(k);
            f.add(PresentValue.atIndex(k).map(p -> TableField.of(p.jsonName(), value, p.unit()))
                    .orElse(TableField.of("pv_" + k, value)));
        }
        if (trailing.length > 0) f.add(TableField.of("trailing_hex", Hex.lower(trailing)));
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bt28PresentValues b && Arrays.equals(presentDemands, b.presentDemands)
                && values.equals(b.values) && Arrays.equals(trailing, b.trailing) && format.equals(b.format);
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(presentDemands) * 31 + values.hashCode()) * 31 + Arrays.hashCode(trailing)) * 31 + format.hashCode();
    }

    @Override
    public String toString() {
        return "Bt28PresentValues[presentDemands=" + Hex.lower(presentDemands) + ", values=" + values + ", "
                + format.describe() + "]";
    }
}
