package org.mepkit.esp.nvs;

/** NVS entry type byte. */
public enum NvsType {
    U8(0x01, 1, false), I8(0x11, 1, true), U16(0x02, 2, false), I16(0x12, 2, true),
    U32(0x04, 4, false), I32(0x14, 4, true), U64(0x08, 8, false), I64(0x18, 8, true),
    STR(0x21, 0, false), BLOB_V1(0x41, 0, false), BLOB_DATA(0x42, 0, false), BLOB_IDX(0x48, 0, false);

    private final int code;
    private final int width;
    private final boolean signed;

    NvsType(int code, int width, boolean signed) {
        this.code = code;
        this.width = width;
        this.signed = signed;
    }

    public int code() {
        return code;
    }

    /** Bytes of a primitive value (0 for variable-length types). */
    public int width() {
        return width;
    }

    public boolean isPrimitive() {
        return width > 0;
    }

    public boolean signed() {
        return signed;
    }

    public static NvsType ofCode(int code) {
        for (NvsType t : values()) if (t.code == code) return t;
        throw new NvsException(NvsException.Reason.BAD_ENTRY, String.format("unknown NVS entry type 0x%02x", code));
    }
}
