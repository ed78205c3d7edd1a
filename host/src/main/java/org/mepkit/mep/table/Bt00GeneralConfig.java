package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mepkit.mep.frame.Wire;

/**
 * BT00 General Configuration (ANSI C12.19 GEN_CONFIG_TBL): the format control bytes that say how
 * every other table is encoded ({@link #dataFormat()}), the device class, the dimensions, and the
 * bitmaps of the tables and procedures the meter has. Read over the optical port first; the MEP
 * firmware never reads it and assumes {@link DataFormat#MEP}.
 *
 * <p>Layout: 0 FORMAT_CONTROL_1 (bit 0 data order, bits 1–3 character format), 1 FORMAT_CONTROL_2
 * (bits 0–2 time format, 3–4 data access method, bit 5 id form, 6–7 integer format), 2
 * FORMAT_CONTROL_3 (bits 0–3 NI_FORMAT1, 4–7 NI_FORMAT2), 3–6 device class, 7 nameplate type,
 * 8 default set, 9 max procedure parameter length, 10 max response data length, 11 standard version,
 * 12 revision, 13–16 the dimensions of the four bitmaps (standard tables, manufacturer tables,
 * standard procedures, manufacturer procedures), 17 manufacturer status bytes, 18 pending tables;
 * then the bitmaps: tables used, procedures used, and the writable tables, each bit n standing for
 * number 8·byte + bit.
 */
public record Bt00GeneralConfig(int formatControl1, int formatControl2, int formatControl3, byte[] deviceClass,
                                int nameplateType, int defaultSetUsed, int maxProcParmLength, int maxRespDataLength,
                                int standardVersion, int standardRevision, int mfgStatusBytes, int pendingTables,
                                byte[] standardTablesUsed, byte[] mfgTablesUsed, byte[] standardProceduresUsed,
                                byte[] mfgProceduresUsed, byte[] standardTablesWrite, byte[] mfgTablesWrite) implements MepTable {

    public static final int FIXED_LENGTH = 19;
    public static final int NAMEPLATE_ELECTRIC = 2;

    public Bt00GeneralConfig {
        Tables.checkU8("format control 1", formatControl1);
        Tables.checkU8("format control 2", formatControl2);
        Tables.checkU8("format control 3", formatControl3);
        deviceClass = deviceClass.clone();
        if (deviceClass.length != 4) throw new IllegalArgumentException("the device class has 4 bytes");
        standardTablesUsed = standardTablesUsed.clone();
        mfgTablesUsed = mfgTablesUsed.clone();
        standardProceduresUsed = standardProceduresUsed.clone();
        mfgProceduresUsed = mfgProceduresUsed.clone();
        standardTablesWrite = standardTablesWrite.clone();
        mfgTablesWrite = mfgTablesWrite.clone();
        if (standardTablesWrite.length != standardTablesUsed.length || mfgTablesWrite.length != mfgTablesUsed.length) {
            throw new IllegalArgumentException("the write bitmaps have the sizes of the used bitmaps");
        }
        for (byte[] map : List.of(standardTablesUsed, mfgTablesUsed, standardProceduresUsed, mfgProceduresUsed)) {
            if (map.length > 0xFF) throw new IllegalArgumentException("a bitmap has at most 255 bytes");
        }
    }

    /**
     * A meter with the given data format and these standard and manufacturer tables (readable, none
     * writable), electric, standard version 2.0, no procedures.
     */
    public static Bt00GeneralConfig of(DataFormat format, Set<Integer> standardTables, Set<Integer> mfgTables) {
        int fc1 = (format.bigEndian() ? 1 : 0) | 1 << 1;            // ISO 8859/1 characters
        int fc2 = 2 | 1 << 3;                                        // UINT8 date fields, offset access
        int fc3 = format.ni1().code() | format.ni2().code() << 4;
        byte[] std = bitmap(standardTables);
        byte[] mfg = bitmap(mfgTables);
        return new Bt00GeneralConfig(fc1, fc2, fc3, new byte[4], NAMEPLATE_ELECTRIC, 0, 0, 0, 2, 0, 0, 0,
                std, mfg, new byte[0], new byte[0], new byte[std.length], new byte[mfg.length]);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than its dimensions say */
    public static Bt00GeneralConfig decode(byte[] data) {
        Tables.requireLength(TableId.BT00, data, FIXED_LENGTH);
        int std = Wire.u8(data, 13);
        int mfg = Wire.u8(data, 14);
        int stdProc = Wire.u8(data, 15);
        int mfgProc = Wire.u8(data, 16);
        Tables.requireLength(TableId.BT00, data, FIXED_LENGTH + 2 * std + 2 * mfg + stdProc + mfgProc);
        int off = FIXED_LENGTH;
        byte[] stdUsed = Arrays.copyOfRange(data, off, off += std);
        byte[] mfgUsed = Arrays.copyOfRange(data, off, off += mfg);
        byte[] stdProcUsed = Arrays.copyOfRange(data, off, off += stdProc);
        byte[] mfgProcUsed = Arrays.copyOfRange(data, off, off += mfgProc);
        byte[] stdWrite = Arrays.copyOfRange(data, off, off += std);
        byte[] mfgWrite = Arrays.copyOfRange(data, off, off += mfg);
        return new Bt00GeneralConfig(Wire.u8(data, 0), Wire.u8(data, 1), Wire.u8(data, 2), Arrays.copyOfRange(data, 3, 7),
                Wire.u8(data, 7), Wire.u8(data, 8), Wire.u8(data, 9), Wire.u8(data, 10), Wire.u8(data, 11),
                Wire.u8(data, 12), Wire.u8(data, 17), Wire.u8(data, 18), stdUsed, mfgUsed, stdProcUsed, mfgProcUsed,
                stdWrite, mfgWrite);
    }

    /** Byte order and non-integer formats for BT23, BT28 and the rest. */
    public DataFormat dataFormat() {
        return new DataFormat((formatControl1 & 1) != 0, NiFormat.of(formatControl3 & 0x0F), NiFormat.of(formatControl3 >>> 4));
    }

    /** FORMAT_CONTROL_2 bit 5: 0 = identifiers (serial numbers) are strings, 1 = BCD. */
    public boolean idFormBcd() {
        return (formatControl2 & 0x20) != 0;
    }

    /** Every bit of the standard-tables-used bitmap (all eight bits per byte, where termineter reads seven). */
    public Set<Integer> standardTables() {
        return numbers(standardTablesUsed);
    }

    public Set<Integer> mfgTables() {
        return numbers(mfgTablesUsed);
    }

    /** Whether the meter lists {@code id} among its tables (extended ids 0x0800 + n as manufacturer table n). */
    public boolean hasTable(TableId id) {
        return id.id() < TableId.EXTENDED_BASE ? standardTables().contains(id.id())
                : mfgTables().contains(id.id() - TableId.EXTENDED_BASE);
    }

    @Override public byte[] deviceClass() { return deviceClass.clone(); }
    @Override public byte[] standardTablesUsed() { return standardTablesUsed.clone(); }
    @Override public byte[] mfgTablesUsed() { return mfgTablesUsed.clone(); }
    @Override public byte[] standardProceduresUsed() { return standardProceduresUsed.clone(); }
    @Override public byte[] mfgProceduresUsed() { return mfgProceduresUsed.clone(); }
    @Override public byte[] standardTablesWrite() { return standardTablesWrite.clone(); }
    @Override public byte[] mfgTablesWrite() { return mfgTablesWrite.clone(); }

    @Override
    public TableId tableId() {
        return TableId.BT00;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[FIXED_LENGTH + 2 * standardTablesUsed.length + 2 * mfgTablesUsed.length
                + standardProceduresUsed.length + mfgProceduresUsed.length];
        d[0] = (byte) formatControl1;
        d[1] = (byte) formatControl2;
        d[2] = (byte) formatControl3;
        System.arraycopy(deviceClass, 0, d, 3, 4);
        d[7] = (byte) nameplateType;
        d[8] = (byte) defaultSetUsed;
        d[9] = (byte) maxProcParmLength;
        d[10] = (byte) maxRespDataLength;
        d[11] = (byte) standardVersion;
        d[12] = (byte) standardRevision;
        d[13] = (byte) standardTablesUsed.length;
        d[14] = (byte) mfgTablesUsed.length;
        d[15] = (byte) standardProceduresUsed.length;
        d[16] = (byte) mfgProceduresUsed.length;
        d[17] = (byte) mfgStatusBytes;
        d[18] = (byte) pendingTables;
        int off = FIXED_LENGTH;
        for (byte[] map : List.of(standardTablesUsed, mfgTablesUsed, standardProceduresUsed, mfgProceduresUsed,
                standardTablesWrite, mfgTablesWrite)) {
            System.arraycopy(map, 0, d, off, map.length);
            off += map.length;
        }
        return d;
    }

    @Override
    public List<TableField> fields() {
        DataFormat format = dataFormat();
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("data_order", format.bigEndian() ? "big-endian" : "little-endian"));
        f.add(TableField.of("ni_format1", format.ni1().toString()));
        f.add(TableField.of("ni_format2", format.ni2().toString()));
        f.add(TableField.of("id_form", idFormBcd() ? "BCD" : "string"));
        f.add(TableField.of("nameplate_type", nameplateType));
        f.add(TableField.of("standard_version", standardVersion + "." + standardRevision));
        f.add(TableField.of("standard_tables", standardTables().toString()));
        f.add(TableField.of("mfg_tables", mfgTables().toString()));
        return f;
    }

    private static Set<Integer> numbers(byte[] bitmap) {
        Set<Integer> s = new TreeSet<>();
        for (int i = 0; i < bitmap.length; i++) {
            for (int bit = 0; bit < 8; bit++) if ((bitmap[i] >> bit & 1) != 0) s.add(8 * i + bit);
        }
        return s;
    }

    private static byte[] bitmap(Set<Integer> numbers) {
        int max = numbers.stream().mapToInt(Integer::intValue).max().orElse(-1);
        byte[] map = new byte[max / 8 + 1];
        for (int n : numbers) map[n / 8] |= (byte) (1 << (n % 8));
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bt00GeneralConfig b && Arrays.equals(encode(), b.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Bt00GeneralConfig[" + dataFormat().describe() + ", tables " + standardTables() + " / mfg " + mfgTables() + "]";
    }
}
