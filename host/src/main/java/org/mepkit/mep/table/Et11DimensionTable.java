package org.mepkit.mep.table;

import java.util.List;

import org.mepkit.mep.frame.Wire;

/**
 * ET11 MFG Dimension Table (mep-protocol.md §9.7); 16-bit fields are big-endian. Byte 1, the config
 * entry size S, lays out ET13. Bytes 14..17 are not decoded; {@link #encode()} writes zeros there.
 */
public record Et11DimensionTable(int numberOfDevices, int configEntrySize, int statusEntrySize,
                                 int onDemandQueueSize, int onDemandEntrySize, int dataEntrySize,
                                 int transactionRequestLength, int transactionResponseLength,
                                 int onDemandWriteEntrySize, int phaseMeasurementDataSize, int configEntry2Size,
                                 int numberOfGroupIds, int numberOfHarmonics, int mbusMulticastMessageLength,
                                 int et22AlarmSize, int mepDataSources, int et48EntryCount,
                                 int maxCriticalEventBitmaps, int et57EntryCount, int timeBasedRelaySwitches,
                                 int mepDataAlertSources, int ramTransactionRequestLength,
                                 int ramTransactionResponseLength) implements MepTable {

    public static final int LENGTH = 32;

    public Et11DimensionTable {
        for (int v : new int[] {numberOfDevices, configEntrySize, statusEntrySize, onDemandQueueSize, onDemandEntrySize,
                onDemandWriteEntrySize, phaseMeasurementDataSize, configEntry2Size, numberOfGroupIds, numberOfHarmonics,
                mbusMulticastMessageLength, et22AlarmSize, mepDataSources, et48EntryCount, maxCriticalEventBitmaps,
                et57EntryCount, timeBasedRelaySwitches, mepDataAlertSources}) {
            Tables.checkU8("ET11 8-bit field", v);
        }
        for (int v : new int[] {dataEntrySize, transactionRequestLength, transactionResponseLength,
                ramTransactionRequestLength, ramTransactionResponseLength}) {
            Tables.checkU16("ET11 16-bit field", v);
        }
    }

    /** All zero except the device count and the config entry size (what ET13 needs). */
    public static Et11DimensionTable of(int numberOfDevices, int configEntrySize) {
        return new Et11DimensionTable(numberOfDevices, configEntrySize, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 32 bytes */
    public static Et11DimensionTable decode(byte[] d) {
        Tables.requireLength(TableId.ET11, d, LENGTH);
        return new Et11DimensionTable(Wire.u8(d, 0), Wire.u8(d, 1), Wire.u8(d, 2), Wire.u8(d, 3), Wire.u8(d, 4),
                Wire.u16be(d, 5), Wire.u16be(d, 7), Wire.u16be(d, 9), Wire.u8(d, 11), Wire.u8(d, 12), Wire.u8(d, 13),
                Wire.u8(d, 18), Wire.u8(d, 19), Wire.u8(d, 20), Wire.u8(d, 21), Wire.u8(d, 22), Wire.u8(d, 23),
                Wire.u8(d, 24), Wire.u8(d, 25), Wire.u8(d, 26), Wire.u8(d, 27), Wire.u16be(d, 28), Wire.u16be(d, 30));
    }

    @Override
    public TableId tableId() {
        return TableId.ET11;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[LENGTH];
        d[0] = (byte) numberOfDevices;
        d[1] = (byte) configEntrySize;
        d[2] = (byte) statusEntrySize;
        d[3] = (byte) onDemandQueueSize;
        d[4] = (byte) onDemandEntrySize;
        Wire.putU16be(d, 5, dataEntrySize);
        Wire.putU16be(d, 7, transactionRequestLength);
        Wire.putU16be(d, 9, transactionResponseLength);
        d[11] = (byte) onDemandWriteEntrySize;
        d[12] = (byte) phaseMeasurementDataSize;
        d[13] = (byte) configEntry2Size;
        d[18] = (byte) numberOfGroupIds;
        d[19] = (byte) numberOfHarmonics;
        d[20] = (byte) mbusMulticastMessageLength;
        d[21] = (byte) et22AlarmSize;
        d[22] = (byte) mepDataSources;
        d[23] = (byte) et48EntryCount;
        d[24] = (byte) maxCriticalEventBitmaps;
        d[25] = (byte) et57EntryCount;
        d[26] = (byte) timeBasedRelaySwitches;
        d[27] = (byte) mepDataAlertSources;
        Wire.putU16be(d, 28, ramTransactionRequestLength);
        Wire.putU16be(d, 30, ramTransactionResponseLength);
        return d;
    }

    @Override
    public List<TableField> fields() {
        return List.of(
                TableField.of("number_of_devices", numberOfDevices),
                TableField.of("config_entry_size", configEntrySize, "bytes"),
                TableField.of("status_entry_size", statusEntrySize, "bytes"),
                TableField.of("on_demand_queue_size", onDemandQueueSize),
                TableField.of("on_demand_entry_size", onDemandEntrySize, "bytes"),
                TableField.of("data_entry_size", dataEntrySize, "bytes"),
                TableField.of("transaction_request_length", transactionRequestLength, "bytes"),
                TableField.of("transaction_response_length", transactionResponseLength, "bytes"),
                TableField.of("on_demand_write_entry_size", onDemandWriteEntrySize, "bytes"),
                TableField.of("phase_measurement_data_size", phaseMeasurementDataSize, "bytes"),
                TableField.of("config_entry_2_size", configEntry2Size, "bytes"),
                TableField.of("number_of_group_ids", numberOfGroupIds),
                TableField.of("number_of_harmonics", numberOfHarmonics),
                TableField.of("mbus_multicast_message_length", mbusMulticastMessageLength, "bytes"),
                TableField.of("et22_alarm_size", et22AlarmSize, "bytes"),
                TableField.of("mep_data_sources", mepDataSources),
                TableField.of("et48_entry_count", et48EntryCount),
                TableField.of("max_critical_event_bitmaps", maxCriticalEventBitmaps),
                TableField.of("et57_entry_count", et57EntryCount),
                TableField.of("time_based_relay_switches", timeBasedRelaySwitches),
                TableField.of("mep_data_alert_sources", mepDataAlertSources),
                TableField.of("ram_transaction_request_length", ramTransactionRequestLength, "bytes"),
                TableField.of("ram_transaction_response_length", ramTransactionResponseLength, "bytes"));
    }
}
