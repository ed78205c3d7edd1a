package org.mepkit.esp.image;

import java.util.Locale;

/** SPI flash mode, header byte 2 of an ESP32 image. */
public enum FlashMode {
    QIO(0), QOUT(1), DIO(2), DOUT(3);

    private final int code;

    FlashMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The esptool spelling: {@code dio}. */
    public String esptoolName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FlashMode ofCode(int code) {
        for (FlashMode m : values()) if (m.code == code) return m;
        throw new ImageException(ImageException.Reason.BAD_HEADER, "unknown SPI flash mode " + code);
    }
}
