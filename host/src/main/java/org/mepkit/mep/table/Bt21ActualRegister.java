package org.mepkit.mep.table;

import java.util.List;

import org.mepkit.mep.frame.Wire;

/**
 * BT21 Actual Register (mep-protocol.md §9.2): two flag bytes and eight counts. It sets the layout
 * of BT23 (a 1-byte demand-reset prefix when flag 0x04 of byte 0 is set) and BT28 (present
 * demands, each with a 3-byte time prefix when flag 0x40 is set).
 *
 * <p>The firmware reads the tier count from byte 8 (a bug); this record reads byte 7.
 */
public record Bt21ActualRegister(int flags0, int flags1, int selfReads, int summations, int demands,
                                 int coincidentValues, int occurrences, int tiers, int presentDemands,
                                 int presentValues) implements MepTable {

    public static final int LENGTH = 10;
    public static final int FLAG_DEMAND_RESET_COUNTER = 0x04;
    public static final int FLAG_TIME_REMAINING = 0x40;

    /** What the firmware assumes before BT21 has been read: all zero. */
    public static final Bt21ActualRegister NOT_READ = new Bt21ActualRegister(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Bt21ActualRegister {
        Tables.checkU8("flags byte 0", flags0);
        Tables.checkU8("flags byte 1", flags1);
        Tables.checkU8("self reads", selfReads);
        Tables.checkU8("summations", summations);
        Tables.checkU8("demands", demands);
        Tables.checkU8("coincident values", coincidentValues);
        Tables.checkU8("occurrences", occurrences);
        Tables.checkU8("tiers", tiers);
        Tables.checkU8("present demands", presentDemands);
        Tables.checkU8("present values", presentValues);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 10 bytes */
    public static Bt21ActualRegister decode(byte[] data) {
        Tables.requireLength(TableId.BT21, data, LENGTH);
        return new Bt21ActualRegister(Wire.u8(data, 0), Wire.u8(data, 1), Wire.u8(data, 2), Wire.u8(data, 3),
                Wire.u8(data, 4), Wire.u8(data, 5), Wire.u8(data, 6), Wire.u8(data, 7), Wire.u8(data, 8),
                Wire.u8(data, 9));
    }

    /** A23: 1 when BT23 starts with the demand-reset counter byte, else 0. */
    public int bt23PrefixLength() {
        return (flags0 & FLAG_DEMAND_RESET_COUNTER) != 0 ? 1 : 0;
    }

    /** A28: 3 when each BT28 present demand has a time-remaining prefix, else 0. */
    public int bt28DemandPrefixLength() {
        return (flags0 & FLAG_TIME_REMAINING) != 0 ? 3 : 0;
    }

    /** B = (A28 + 4) · Npd, computed mod 256 as the firmware does. */
    public int bt28PresentValueOffset() {
        return ((bt28DemandPrefixLength() + 4) * presentDemands) & 0xFF;
    }

    @Override
    public TableId tableId() {
        return TableId.BT21;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) flags0, (byte) flags1, (byte) selfReads, (byte) summations, (byte) demands,
                (byte) coincidentValues, (byte) occurrences, (byte) tiers, (byte) presentDemands, (byte) presentValues};
    }

    @Override
    public List<TableField> fields() {
        return List.of(
                TableField.of("flags0", String.format("0x%02X", flags0)),
                TableField.of("flags1", String.format("0x%02X", flags1)),
                TableField.of("demand_reset_counter", bt23PrefixLength() == 1),
                TableField.of("time_remaining", bt28DemandPrefixLength() == 3),
                TableField.of("self_reads", selfReads),
                TableField.of("summations", summations),
                TableField.of("demands", demands),
                TableField.of("coincident_values", coincidentValues),
                TableField.of("occurrences", occurrences),
                TableField.of("tiers", tiers),
                TableField.of("present_demands", presentDemands),
                TableField.of("present_values", presentValues));
    }
}
