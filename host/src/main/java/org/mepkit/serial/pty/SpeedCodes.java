package org.mepkit.serial.pty;

import java.util.Map;

/** Linux {@code speed_t} codes ({@code B9600} ...) for the speeds mepkit uses. */
final class SpeedCodes {

    private static final Map<Integer, Integer> BAUD_BY_CODE = Map.ofEntries(
            Map.entry(0000011, 1200), Map.entry(0000013, 2400), Map.entry(0000014, 4800),
            Map.entry(0000015, 9600), Map.entry(0000016, 19200), Map.entry(0000017, 38400),
            Map.entry(0010001, 57600), Map.entry(0010002, 115200), Map.entry(0010003, 230400),
            Map.entry(0010004, 460800), Map.entry(0010005, 500000), Map.entry(0010006, 576000),
            Map.entry(0010007, 921600), Map.entry(0010010, 1000000));

    private SpeedCodes() {
    }

    static int baud(int code) {
        Integer baud = BAUD_BY_CODE.get(code);
        if (baud == null) throw new IllegalArgumentException("unknown speed code 0" + Integer.toOctalString(code));
        return baud;
    }
}
