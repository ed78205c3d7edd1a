package org.mepkit.mep.table;

import java.util.List;

import org.mepkit.mep.frame.Wire;

/**
 * BT01 General Manufacturer Information (mep-protocol.md §9.1, ANSI C12.19 GENERAL_MFG_ID_TBL):
 * manufacturer (4 ASCII), model (8 ASCII), hardware version and revision, firmware version and
 * revision (u8 each), then, when the meter sends it, the manufacturer's serial number (16 characters,
 * or 8 BCD bytes when BT00's id form says so). The MEP firmware reads only the first 16 bytes.
 *
 * @param manufacturer e.g. "ELON", trailing spaces removed
 * @param model        e.g. "83331-3I", trailing spaces removed
 * @param serialNumber the manufacturer serial number, or null when the table stops after 16 bytes
 */
public record Bt01Identity(String manufacturer, String model, int hardwareVersion, int hardwareRevision,
                           int firmwareVersion, int firmwareRevision, String serialNumber) implements MepTable {

    public static final int LENGTH = 16;
    /** With the 16-character serial number. */
    public static final int LENGTH_WITH_SERIAL = 32;

    public Bt01Identity {
        Tables.checkText("manufacturer", manufacturer, 4);
        Tables.checkText("model", model, 8);
        Tables.checkU8("hardware version", hardwareVersion);
        Tables.checkU8("hardware revision", hardwareRevision);
        Tables.checkU8("firmware version", firmwareVersion);
        Tables.checkU8("firmware revision", firmwareRevision);
        if (serialNumber != null) Tables.checkText("serial number", serialNumber, 16);
    }

    /** Without a serial number: the 16 bytes the MEP firmware reads. */
    public Bt01Identity(String manufacturer, String model, int hardwareVersion, int hardwareRevision,
                        int firmwareVersion, int firmwareRevision) {
        this(manufacturer, model, hardwareVersion, hardwareRevision, firmwareVersion, firmwareRevision, null);
    }

    public Bt01Identity withSerialNumber(String serial) {
        return new Bt01Identity(manufacturer, model, hardwareVersion, hardwareRevision, firmwareVersion, firmwareRevision, serial);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 16 bytes */
    public static Bt01Identity decode(byte[] data) {
        return decode(data, false);
    }

    /** @param bcdSerial BT00's id form: the serial number is 8 BCD bytes instead of 16 characters */
    public static Bt01Identity decode(byte[] data, boolean bcdSerial) {
        Tables.requireLength(TableId.BT01, data, LENGTH);
        String serial = null;
        if (bcdSerial && data.length >= LENGTH + 8) serial = org.mepkit.util.Hex.lower(data, LENGTH, 8);
        else if (!bcdSerial && data.length >= LENGTH_WITH_SERIAL) serial = Tables.text(data, LENGTH, 16).strip();
        return new Bt01Identity(Tables.text(data, 0, 4), Tables.text(data, 4, 8),
                Wire.u8(data, 12), Wire.u8(data, 13), Wire.u8(data, 14), Wire.u8(data, 15), serial);
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
        byte[] d = new byte[serialNumber == null ? LENGTH : LENGTH_WITH_SERIAL];
        if (serialNumber != null) Tables.putText(d, LENGTH, 16, serialNumber);
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
        List<TableField> f = new java.util.ArrayList<>(List.of(
                TableField.of("Meter_Manufacturer", manufacturer),
                TableField.of("Meter_Model", model),
                TableField.of("hardware_version", hardwareVersion),
                TableField.of("hardware_revision", hardwareRevision),
                TableField.of("Meter_SW_Version", firmwareVersionText())));
        if (serialNumber != null) f.add(TableField.of("mfg_serial_number", serialNumber));
        return f;
    }
}
