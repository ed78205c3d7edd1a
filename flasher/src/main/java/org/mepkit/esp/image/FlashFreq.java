package org.mepkit.esp.image;

/** SPI flash clock, low nibble of header byte 3 (ESP32 encoding). */
public enum FlashFreq {
    MHZ_40(0x0, "40m"), MHZ_26(0x1, "26m"), MHZ_20(0x2, "20m"), MHZ_80(0xF, "80m");

    private final int code;
    private final String label;

    FlashFreq(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The esptool spelling: {@code 80m}. */
    public String label() {
        return label;
    }

    public static FlashFreq ofCode(int code) {
        for (FlashFreq f : values()) if (f.code == code) return f;
        throw new ImageException(ImageException.Reason.BAD_HEADER, "unknown flash frequency code 0x" + Integer.toHexString(code));
    }
}
