package org.mepkit.esp.image;

/** Flash size, high nibble of header byte 3. */
public enum FlashSize {
    MB_1(0, 1), MB_2(1, 2), MB_4(2, 4), MB_8(3, 8), MB_16(4, 16), MB_32(5, 32), MB_64(6, 64), MB_128(7, 128);

    private final int code;
    private final int megabytes;

    FlashSize(int code, int megabytes) {
        this.code = code;
        this.megabytes = megabytes;
    }

    public int code() {
        return code;
    }

    public long bytes() {
        return (long) megabytes * 1024 * 1024;
    }

    /** The esptool spelling: {@code 4MB}. */
    public String label() {
        return megabytes + "MB";
    }

    public static FlashSize ofCode(int code) {
        for (FlashSize s : values()) if (s.code == code) return s;
        throw new ImageException(ImageException.Reason.BAD_HEADER, "unknown flash size code " + code);
    }

    public static FlashSize ofLabel(String label) {
        for (FlashSize s : values()) if (s.label().equalsIgnoreCase(label)) return s;
        throw new IllegalArgumentException("unknown flash size '" + label + "' (use 1MB, 2MB, 4MB, 8MB, 16MB ...)");
    }
}
