package org.mepkit.mep.table;

import java.util.List;

import org.mepkit.mep.frame.Wire;

/**
 * BT01 General Manufacturer Information (mep-protocol.md §9.1): manufacturer (4 ASCII),
 * model (8 ASCII), hardware version and revision, firmware version and revision (u8 each).
 * Bytes after the first 16 are not decoded and {@link #encode()} does not produce them.
 *
 * @param manufacturer e.g. "ELON", trailing spaces removed
 * @param model        e.g. "83331-3I", trailing spaces removed
 */
public record Bt01Identity(String manufacturer, String model, int hardwareVersion, int hardwareRevision,
                           int firmwareVersion, int firmwareRevision) implements MepTable {

    public static final int LENGTH = 16;

    public Bt01Identity {
        Tables.checkText("manufacturer", manufacturer, 4);
        Tables.checkText("model", model, 8);
        Tables.checkU8("hardware version", hardwareVersion);
        Tables.checkU8("hardware revision", hardwareRevision);
        Tables.checkU8("firmware version", firmwareVersion);
        Tables.checkU8("firmware revision", firmwareRevision);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 16 bytes */
    public static Bt01Identity decode(byte[] data) {
        Tables.requireLength(TableId.BT01, data, LENGTH);
        return new Bt01Identity(Tables.text(data, 0, 4), Tables.text(data, 4, 8),
                Wire.u8(data, 12), Wire.u8(data, 13), Wire.u8(data, 14), Wire.u8(data, 15));
    }

    /** The firmware's "main.revision" in decimal, e.g. "58.134". */
    public String firmwareVersionText() {
        return firmwareVersion + "." + firmwareRevision;
    }

    @Override
    public TableId tableId() {
        return TableId.BT01;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[LENGTH];
        Tables.putText(d, 0, 4, manufacturer);
        Tables.putText(d, 4, 8, model);
        d[12] = (byte) hardwareVersion;
        d[13] = (byte) hardwareRevision;
        d[14] = (byte) firmwareVersion;
        d[15] = (byte) firmwareRevision;
        return d;
    }

    @Override
    public List<TableField> fields() {
        return List.of(
                TableField.of("Meter_Manufacturer", manufacturer),
                TableField.of("Meter_Model", model),
                TableField.of("hardware_version", hardwareVersion),
                TableField.of("hardware_revision", hardwareRevision),
                TableField.of("Meter_SW_Version", firmwareVersionText()));
    }
}
