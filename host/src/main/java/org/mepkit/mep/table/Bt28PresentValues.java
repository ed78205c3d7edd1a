package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mepkit.mep.frame.Wire;
import org.mepkit.util.Hex;

/**
 * BT28 Present Register Data (mep-protocol.md §9.4): present demands first (B bytes, from BT21),
 * then present values as signed little-endian int32; value k sits at B + 4k. Every value is kept;
 * {@link PresentValue} names and gives the unit of the 35 the firmware knows.
 *
 * @param presentDemands the B bytes before the first present value, kept raw
 * @param values         every whole present value, at least 55
 * @param trailing       0..3 bytes after the last whole value
 */
public record Bt28PresentValues(byte[] presentDemands, List<Integer> values, byte[] trailing) implements MepTable {

    public Bt28PresentValues {
        presentDemands = presentDemands.clone();
        values = List.copyOf(values);
        trailing = trailing.clone();
        if (values.size() < PresentValue.FIRMWARE_COUNT) {
            throw new IllegalArgumentException("BT28 needs at least " + PresentValue.FIRMWARE_COUNT + " present values, got " + values.size());
        }
        if (trailing.length > 3) throw new IllegalArgumentException("BT28 trailing bytes must be fewer than 4, got " + trailing.length);
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
     * Decodes with B from BT21. Unlike the firmware (which checks only {@code length > B + 216}),
     * all 55 values must be whole.
     */
    public static Bt28PresentValues decode(byte[] data, Bt21ActualRegister layout) {
        int base = layout.bt28PresentValueOffset();
        Tables.requireLength(TableId.BT28, data, base + 4 * PresentValue.FIRMWARE_COUNT);
        List<Integer> v = new ArrayList<>();
        int off = base;
        for (; off + 4 <= data.length; off += 4) v.add(Wire.s32le(data, off));
        return new Bt28PresentValues(Arrays.copyOf(data, base), v, Arrays.copyOfRange(data, off, data.length));
    }

    public int value(PresentValue which) {
        return values.get(which.index());
    }

    /** The 35 known values by name. */
    public Map<PresentValue, Integer> known() {
        Map<PresentValue, Integer> m = new EnumMap<>(PresentValue.class);
        for (PresentValue p : PresentValue.values()) m.put(p, value(p));
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
        byte[] d = new byte[base + 4 * values.size() + trailing.length];
        System.arraycopy(presentDemands, 0, d, 0, base);
        for (int i = 0; i < values.size(); i++) Wire.putS32le(d, base + 4 * i, values.get(i));
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
                && values.equals(b.values) && Arrays.equals(trailing, b.trailing);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(presentDemands) * 31 + values.hashCode()) * 31 + Arrays.hashCode(trailing);
    }

    @Override
    public String toString() {
        return "Bt28PresentValues[presentDemands=" + Hex.lower(presentDemands) + ", values=" + values + "]";
    }
}
