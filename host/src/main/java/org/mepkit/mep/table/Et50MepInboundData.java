package org.mepkit.mep.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mepkit.mep.frame.Wire;
import org.mepkit.util.Hex;

/**
 * ET50 MEP Inbound Data Space (mep-protocol.md §9.9): identification (30 raw bytes), MEP flags
 * (bit 0x02 picks ET58 over BT08 in the alert chain), 6 × u16 LE icon display control,
 * 6 × s32 LE display data, icon display control byte. 68 bytes are needed (the firmware checks
 * only &gt; 31 but reads to offset 67).
 */
public record Et50MepInboundData(byte[] identification, int mepFlags, List<Integer> iconControl,
                                 List<Integer> displayData, int iconDisplayControl) implements MepTable {

    public static final int LENGTH = 68;
    public static final int FLAG_RESULT_IN_ET58 = 0x02;

    public Et50MepInboundData {
        if (identification.length != 30) throw new IllegalArgumentException("ET50 identification must be 30 bytes, got " + identification.length);
        identification = identification.clone();
        Tables.checkU8("MEP flags", mepFlags);
        iconControl = List.copyOf(iconControl);
        displayData = List.copyOf(displayData);
        if (iconControl.size() != 6 || displayData.size() != 6) throw new IllegalArgumentException("ET50 has 6 icon controls and 6 display values");
        iconControl.forEach(v -> Tables.checkU16("icon control", v));
        Tables.checkU8("icon display control", iconDisplayControl);
    }

    /** Identification text (space padded), the flags, everything else zero. */
    public static Et50MepInboundData of(String identification, int mepFlags) {
        byte[] id = new byte[30];
        Tables.putText(id, 0, 30, Tables.checkText("identification", identification, 30));
        return new Et50MepInboundData(id, mepFlags, List.of(0, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0), 0);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 68 bytes */
    public static Et50MepInboundData decode(byte[] d) {
        Tables.requireLength(TableId.ET50, d, LENGTH);
        List<Integer> icons = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            icons.add(Wire.u16le(d, 31 + 2 * i));
            values.add(Wire.s32le(d, 43 + 4 * i));
        }
        return new Et50MepInboundData(Arrays.copyOf(d, 30), Wire.u8(d, 30), icons, values, Wire.u8(d, 67));
    }

    /** Whether the alert chain reads its procedure result from ET58 (0x083A) instead of BT08. */
    public boolean resultInEt58() {
        return (mepFlags & FLAG_RESULT_IN_ET58) != 0;
    }

    @Override
    public byte[] identification() {
        return identification.clone();
    }

    @Override
    public TableId tableId() {
        return TableId.ET50;
    }

    @Override
    public byte[] encode() {
        byte[] d = new byte[LENGTH];
        System.arraycopy(identification, 0, d, 0, 30);
        d[30] = (byte) mepFlags;
        for (int i = 0; i < 6; i++) {
            Wire.putU16le(d, 31 + 2 * i, iconControl.get(i));
            Wire.putS32le(d, 43 + 4 * i, displayData.get(i));
        }
        d[67] = (byte) iconDisplayControl;
        return d;
    }

    @Override
    public List<TableField> fields() {
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("identification", printable(identification)));
        f.add(TableField.of("identification_hex", Hex.lower(identification)));
        f.add(TableField.of("mep_flags", String.format("0x%02X", mepFlags)));
        f.add(TableField.of("result_in_et58", resultInEt58()));
        for (int i = 0; i < 6; i++) f.add(TableField.of("icon_control_" + (i + 1), iconControl.get(i)));
        for (int i = 0; i < 6; i++) f.add(TableField.of("display_data_" + (i + 1), displayData.get(i)));
        f.add(TableField.of("icon_display_control", iconDisplayControl));
        return f;
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(x >= 0x20 && x < 0x7F ? (char) x : '.');
        return s.toString().stripTrailing();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Et50MepInboundData e && Arrays.equals(identification, e.identification) && mepFlags == e.mepFlags
                && iconControl.equals(e.iconControl) && displayData.equals(e.displayData) && iconDisplayControl == e.iconDisplayControl;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identification) * 31 + mepFlags + iconControl.hashCode() + displayData.hashCode() * 7 + iconDisplayControl;
    }

    @Override
    public String toString() {
        return "Et50MepInboundData[flags=" + mepFlags + ", displayData=" + displayData + "]";
    }
}
