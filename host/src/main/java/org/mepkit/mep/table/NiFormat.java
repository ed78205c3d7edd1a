package org.mepkit.mep.table;

import org.mepkit.mep.frame.TableDecodeException;

/**
 * The C12.19 non-integer formats (BT00 FORMAT_CONTROL_3, NI_FORMAT1/NI_FORMAT2) that decide how wide
 * and how encoded the summations, demands and present values of BT23 and BT28 are. mepkit reads the
 * binary integer formats and the IEEE floats; the BCD and character formats have a known width (so
 * tables can be laid out) but their values are not decoded.
 */
public enum NiFormat {
    FLOAT64(0, 8),
    FLOAT32(1, 4),
    FLOAT_CHAR12(2, 12),
    FLOAT_CHAR6(3, 6),
    /** INT32 with an implied decimal point four digits from the right. */
    INT32_DP4(4, 4),
    FIXED_BCD6(5, 3),
    FIXED_BCD4(6, 2),
    INT24(7, 3),
    INT32(8, 4),
    INT40(9, 5),
    INT48(10, 6),
    INT64(11, 8),
    FIXED_BCD8(12, 4),
    FLOAT_CHAR21(13, 21);

    private final int code;
    private final int size;

    NiFormat(int code, int size) {
        this.code = code;
        this.size = size;
    }

    public int code() {
        return code;
    }

    /** Bytes one value takes. */
    public int size() {
        return size;
    }

    /** Whether {@link #read} can decode this format. */
    public boolean decodable() {
        return this == FLOAT64 || this == FLOAT32 || this == INT24 || this == INT32 || this == INT40 || this == INT48 || this == INT64;
    }

    /** @throws TableDecodeException for codes 14 and 15 (reserved) */
    public static NiFormat of(int code) {
        for (NiFormat f : values()) if (f.code == code) return f;
        throw new TableDecodeException("BT00 names non-integer format " + code + ", a reserved code");
    }

    /**
     * The value at {@code off}: a signed (two's complement) integer, or a float rounded to the nearest
     * whole number.
     *
     * @throws TableDecodeException when this format is not decodable or the value does not fit an int
     */
    public int read(byte[] data, int off, boolean bigEndian) {
        if (!decodable()) throw new TableDecodeException("values in non-integer format " + this + " are not supported by mepkit");
        long raw = 0;
        for (int i = 0; i < size; i++) {
            int b = data[off + (bigEndian ? i : size - 1 - i)] & 0xFF;
            raw = raw << 8 | b;
        }
        long value;
        if (this == FLOAT32) {
            value = Math.round((double) Float.intBitsToFloat((int) raw));
        } else if (this == FLOAT64) {
            value = Math.round(Double.longBitsToDouble(raw));
        } else {
            int shift = 64 - 8 * size;
            value = raw << shift >> shift;   // sign-extend
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new TableDecodeException("a " + this + " value " + value + " is outside what mepkit keeps (32-bit signed)");
        }
        return (int) value;
    }

    /** Writes {@code value} at {@code off} in this format (the inverse of {@link #read}). */
    public void write(byte[] data, int off, boolean bigEndian, int value) {
        if (!decodable()) throw new IllegalArgumentException("cannot write values in " + this);
        long raw = this == FLOAT32 ? Float.floatToIntBits(value) & 0xFFFF_FFFFL
                : this == FLOAT64 ? Double.doubleToLongBits(value) : value;
        for (int i = 0; i < size; i++) {
            data[off + (bigEndian ? size - 1 - i : i)] = (byte) (raw >>> (8 * i));
        }
    }
}
