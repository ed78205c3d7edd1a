package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mepkit.mep.frame.TableDecodeException;
import org.mepkit.mep.frame.Wire;
import org.mepkit.util.Hex;

/**
 * ET13 MEP/M-Bus Device Configuration (mep-protocol.md §9.8): four M-Bus entries of S bytes, then
 * the MEP entry at 4·S. S is ET11's config entry size. The table is kept as bytes; the accessors
 * decode it. M-Bus security keys are never rendered, only their length.
 *
 * @param entrySize S, 9..255
 * @param data      at least 5·S bytes
 */
public record Et13MepDeviceConfig(int entrySize, byte[] data) implements MepTable {

    public static final int MIN_ENTRY_SIZE = 9;
    public static final int MBUS_ENTRIES = 4;
    /** M-Bus entry fields up to To end at byte 66. */
    public static final int FULL_MBUS_ENTRY_SIZE = 66;
    private static final int[] BAUD = {9600, 300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 28800, 38400, 57600, 115200};

    public Et13MepDeviceConfig {
        if (entrySize < MIN_ENTRY_SIZE || entrySize > 0xFF) {
            throw new IllegalArgumentException("ET13 entry size " + entrySize + " is outside 9..255");
        }
        data = data.clone();
        if (data.length < 5 * entrySize) {
            throw new IllegalArgumentException("ET13 with entry size " + entrySize + " needs " + 5 * entrySize + " bytes, got " + data.length);
        }
    }

    /**
     * Five blank entries of {@code entrySize} bytes (billing disabled: day 39, frequency 4 "never";
     * baud code 0) with the MEP entry's alert flags set.
     */
    public static Et13MepDeviceConfig of(int entrySize, int mepAlertFlags) {
        if (entrySize < MIN_ENTRY_SIZE || entrySize > 0xFF) throw new IllegalArgumentException("ET13 entry size " + entrySize + " is outside 9..255");
        byte[] d = new byte[5 * entrySize];
        for (int i = 0; i < 5; i++) {
            d[i * entrySize] = 39;
            d[i * entrySize + 3] = 4;
        }
        d[4 * entrySize + 8] = (byte) Tables.checkU8("alert flags", mepAlertFlags);
        return new Et13MepDeviceConfig(entrySize, d);
    }

    /**
     * Decodes without ET11: S is taken as length / 5, which must be a whole number of at least 9.
     *
     * @throws TableDecodeException when S cannot be inferred
     */
    public static Et13MepDeviceConfig decode(byte[] data) {
        if (data == null) throw new TableDecodeException("ET13: no data");
        if (data.length % 5 != 0 || data.length / 5 < MIN_ENTRY_SIZE || data.length / 5 > 0xFF) {
            throw new TableDecodeException("ET13 data of " + data.length
                    + " bytes is not five entries of 9..255 bytes; the entry size comes from ET11");
        }
        return new Et13MepDeviceConfig(data.length / 5, data);
    }

    /** Decodes with S from ET11. */
    public static Et13MepDeviceConfig decode(byte[] data, Et11DimensionTable dimensions) {
        int s = dimensions.configEntrySize();
        if (s < MIN_ENTRY_SIZE) {
            throw new TableDecodeException("ET11 config entry size " + s + " is below 9: ET13 cannot be laid out (the firmware would crash)");
        }
        Tables.requireLength(TableId.ET13, data, 5 * s);
        return new Et13MepDeviceConfig(s, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Offset of entry i (0..3 M-Bus, 4 = MEP). */
    private int base(int entry) {
        return entry * entrySize;
    }

    public int billingReadDay(int entry) {
        return Wire.u8(data, base(entry));
    }

    public int billingReadHour(int entry) {
        return Wire.u8(data, base(entry) + 1);
    }

    public int billingReadMinute(int entry) {
        return Wire.u8(data, base(entry) + 2);
    }

    public int billingReadFrequency(int entry) {
        return Wire.u8(data, base(entry) + 3);
    }

    public int statusReadFrequency(int entry) {
        return Wire.u16be(data, base(entry) + 4);
    }

    public int baudCode(int entry) {
        return Wire.u8(data, base(entry) + 6);
    }

    public int alarmMask(int entry) {
        return Wire.u8(data, base(entry) + 7);
    }

    /** The MEP entry's alert flags (offset 4·S + 8): the byte the alert chain reads. */
    public int mepAlertFlags() {
        return Wire.u8(data, 4 * entrySize + 8);
    }

    /** The MEP entry's non-urgent downlink data (S − 9 bytes). */
    public byte[] mepDownlinkData() {
        return Arrays.copyOfRange(data, 4 * entrySize + 9, 5 * entrySize);
    }

    /** Baud rate for a baud code, or -1 when reserved. */
    public static int baudRate(int code) {
        return code < BAUD.length ? BAUD[code] : -1;
    }

    @Override
    public TableId tableId() {
        return TableId.ET13;
    }

    @Override
    public byte[] encode() {
        return data.clone();
    }

    @Override
    public List<TableField> fields() {
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("entry_size", entrySize, "bytes"));
        for (int i = 0; i <= MBUS_ENTRIES; i++) {
            String p = i < MBUS_ENTRIES ? "mbus" + (i + 1) + "_" : "mep_";
            f.add(TableField.of(p + "billing_read_day", billingReadDay(i)));
            f.add(TableField.of(p + "billing_read_hour", billingReadHour(i)));
            f.add(TableField.of(p + "billing_read_minute", billingReadMinute(i)));
            f.add(TableField.of(p + "billing_read_frequency", billingReadFrequency(i)));
            f.add(TableField.of(p + "status_read_frequency", statusReadFrequency(i)));
            f.add(TableField.of(p + "baud", baudRate(baudCode(i)), "Bd"));
            f.add(TableField.of(p + "alarm_mask", String.format("0x%02X", alarmMask(i))));
            if (i < MBUS_ENTRIES && entrySize >= FULL_MBUS_ENTRY_SIZE) {
                int b = base(i);
                f.add(TableField.of(p + "customer_id", Tables.text(data, b + 8, 20)));
                f.add(TableField.of(p + "application_reset", Wire.u8(data, b + 28)));
                f.add(TableField.of(p + "security_key", "redacted (" + Wire.u8(data, b + 29) + " bytes)"));
                f.add(TableField.of(p + "ta", Wire.u16be(data, b + 62)));
                f.add(TableField.of(p + "to", Wire.u16be(data, b + 64)));
            }
        }
        f.add(TableField.of("mep_alert_flags", String.format("0x%02X", mepAlertFlags())));
        f.add(TableField.of("mep_downlink_data_hex", Hex.lower(mepDownlinkData())));
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Et13MepDeviceConfig e && entrySize == e.entrySize && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return entrySize * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Et13MepDeviceConfig[entrySize=" + entrySize + ", " + data.length + " bytes]";
    }
}
