package org.mepkit.mep.table;

import java.util.Objects;

/**
 * How a meter lays out numbers in its tables, from BT00: byte order (FORMAT_CONTROL_1 bit 0, 1 =
 * big-endian) and the two non-integer formats. {@link #MEP} is what the board firmware assumes
 * without reading BT00: little-endian 32-bit integers for every value (mep-protocol.md §10).
 *
 * @param ni1 NI_FMAT1: summations and present values
 * @param ni2 NI_FMAT2: demands and present demands
 */
public record DataFormat(boolean bigEndian, NiFormat ni1, NiFormat ni2) {

    public static final DataFormat MEP = new DataFormat(false, NiFormat.INT32, NiFormat.INT32);

    public DataFormat {
        Objects.requireNonNull(ni1, "ni1");
        Objects.requireNonNull(ni2, "ni2");
    }

    /** "little-endian INT32/INT32". */
    public String describe() {
        return (bigEndian ? "big" : "little") + "-endian " + ni1 + "/" + ni2;
    }
}
