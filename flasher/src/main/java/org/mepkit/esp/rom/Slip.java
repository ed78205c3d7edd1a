package org.mepkit.esp.rom;

import java.io.ByteArrayOutputStream;

/**
 * SLIP framing as the ESP32 ROM loader uses it: {@code 0xC0} payload {@code 0xC0}, with 0xC0 sent as
 * {@code DB DC} and 0xDB as {@code DB DD} inside the payload.
 */
public final class Slip {

    public static final int END = 0xC0;
    public static final int ESC = 0xDB;
    public static final int ESC_END = 0xDC;
    public static final int ESC_ESC = 0xDD;

    private Slip() {
    }

    /** One complete frame, delimiters included. */
    public static byte[] encode(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        out.write(END);
        for (byte b : payload) {
            int v = b & 0xFF;
            if (v == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (v == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(v);
            }
        }
        out.write(END);
        return out.toByteArray();
    }
}
