package org.mepkit.mep.table;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mepkit.mep.frame.Wire;

/**
 * ET03 Utility Information (mep-protocol.md §9.6): utility serial number (30 ASCII bytes at 0) and
 * the image CRC (u16 BE at 137). Bytes 30..136 are not decoded; {@link #encode()} writes zeros there.
 *
 * @param serialNumber with trailing spaces removed from positions 29..1, as the firmware does
 */
public record Et03UtilityInfo(String serialNumber, int imageCrc) implements MepTable {

    public static final int LENGTH = 139;

    public Et03UtilityInfo {
        Tables.checkText("utility serial number", serialNumber, 30);
        Tables.checkU16("image CRC", imageCrc);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 139 bytes */
    public static Et03UtilityInfo decode(byte[] data) {
        Tables.requireLength(TableId.ET03, data, LENGTH);
        int end = 30;
        while (end > 1 && data[end - 1] == ' ') end--;
        return new Et03UtilityInfo(new String(data, 0, end, StandardCharsets.ISO_8859_1), Wire.u16be(data, 137));
    }

    @Override
    public TableId tableId() {
        return TableId.ET03;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[LENGTH];
        Tables.putText(d, 0, 30, serialNumber);
        Wire.putU16be(d, 137, imageCrc);
        return d;
    }

    @Override
    public List<TableField> fields() {
        return List.of(TableField.of("Utility_SN", serialNumber), TableField.of("image_crc", String.format("0x%04X", imageCrc)));
    }
}
